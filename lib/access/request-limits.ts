import type { NextRequest } from "next/server";
import type { Database } from "@/db/client";
import { findApiKeyBySecret } from "@/lib/api-keys";
import { isCustomerToken, liveCustomerSession } from "@/lib/auth";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { bearerOf } from "@/lib/http/request-input";
import { consume, type LimitState, limitersFor, penalize } from "@/lib/rate-limit/limiters";

/** Who the proxy found signed in (its session hint, a signed cookie): their own quota. */
type SignedIn = { userId: string };

/** Which limit a request counts against before credentials are considered; null for none. */
export function limitOf(method: string, pathname: string): "booking" | "public" | null {
  // Probes and scrapers (the metrics need a token), and sign-in, which counts attempts itself.
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
 * The credential a request proved: a live API key or customer token (looked up, so that a made-up
 * or revoked one proves nothing) or a signed-in session (its cookie is signed). `wrong` for a Bearer header that
 * names no live key; null without credentials (a malformed Authorization header proves none).
 */
async function provenCredential(
  db: Database,
  request: NextRequest,
  session: SignedIn | null,
): Promise<string | "wrong" | null> {
  const bearer = bearerOf(request.headers);
  if (bearer && isCustomerToken(bearer)) {
    const session = await liveCustomerSession(db, bearer, new Date());
    return session ? `customer:${session}` : "wrong";
  }
  if (bearer) {
    const key = await findApiKeyBySecret(db, bearer);
    return key && !key.revokedAt ? `key:${key.id}` : "wrong";
  }
  return session ? `user:${session.userId}` : null;
}

/**
 * Counts the request against its limit: per API key or user at the API rate when it proves its
 * credentials, else per client address at the booking or public rate. A wrong key counts against
 * the address like no key at all, and costs it a tenth of its public quota besides: made-up keys
 * must never buy a fresh quota. Null when no limit applies.
 */
export async function limitRequest(
  db: Database,
  request: NextRequest,
  session: SignedIn | null,
): Promise<LimitState | null> {
  const limit = limitOf(request.method, request.nextUrl.pathname);
  if (!limit) return null;
  const config = env();
  const limiters = limitersFor(db);
  const credential = await provenCredential(db, request, session);
  if (credential && credential !== "wrong") return consume(limiters, "api", credential);
  const address = `ip:${clientAddress(request.headers, config.trustProxy)}`;
  if (credential === "wrong") {
    await penalize(limiters, "public", address, config.rateLimits.public / 10);
  }
  return consume(limiters, limit, address);
}
