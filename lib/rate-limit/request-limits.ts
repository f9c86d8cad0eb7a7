import type { NextRequest } from "next/server";
import type { Database } from "@/db/client";
import { sha256Hex } from "@/lib/crypto/sha256";
import { clientAddress } from "@/lib/http/client-address";
import { bearerOf } from "@/lib/http/request-input";
import { consume, type LimitState, limitersFor } from "./limiters";

/** Who the proxy found signed in (its session hint): their own quota. */
type SignedIn = { userId: string };

/** Which limit a request counts against before credentials are considered; null for none. */
export function limitOf(method: string, pathname: string): "booking" | "public" | null {
  // Probes and scrapers (the metrics need a token), and sign-in, which counts failures itself.
  if (/^\/api\/(health(\/detailed)?|metrics)$/.test(pathname)) return null;
  if (method === "POST" && pathname === "/api/auth/callback/credentials") return null;
  // Stripe's events: each is signed (checked before anything is stored), and Stripe retries a 429
  // for hours, which would only hold back confirmations.
  if (method === "POST" && pathname === "/api/payments/webhook") return null;
  const writes = method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
  // Booking, and the customer's changes: the API, and the pages' server actions.
  if (writes && (pathname === "/api/appointments" || /^\/(book|manage)\//.test(pathname))) {
    return "booking";
  }
  return "public";
}

/**
 * Whose quota an authenticated request spends: the API key's (by its hash: the proxy does not
 * look keys up, an unknown one is refused by the route) or the signed-in user's.
 */
function credentialKey(request: NextRequest, session: SignedIn | null): string | null {
  const bearer = bearerOf(request.headers);
  if (bearer) return `key:${sha256Hex(bearer)}`;
  return session ? `user:${session.userId}` : null;
}

/**
 * Counts the request against its limit: per API key or user at the API rate when it carries
 * credentials, else per client IP at the booking or public rate. Null when no limit applies.
 */
export async function limitRequest(
  db: Database,
  request: NextRequest,
  trustProxy: boolean,
  session: SignedIn | null,
): Promise<LimitState | null> {
  const limit = limitOf(request.method, request.nextUrl.pathname);
  if (!limit) return null;
  const limiters = limitersFor(db);
  const credential = credentialKey(request, session);
  if (credential) return consume(limiters, "api", credential);
  return consume(limiters, limit, `ip:${clientAddress(request.headers, trustProxy)}`);
}
