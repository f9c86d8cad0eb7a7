import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { publicHost } from "@/lib/http/public-origin";
import { bearerOf } from "@/lib/http/request-input";
import {
  authenticate,
  type Caller,
  type Credentials,
  type Permission,
  sessionClaims,
} from "./authenticate";
import { authSecret } from "./secret";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether a browser says another site sent the request (no Origin: not a browser's request). */
function isForeignOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = publicHost(request.headers) ?? request.nextUrl.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** The credentials a request carries: a Bearer API key if it sends one, else its session cookie. */
export async function credentialsOf(request: NextRequest): Promise<Credentials> {
  const bearer = bearerOf(request.headers);
  if (bearer) return { bearer };
  // A cookie goes with any request a browser sends, whichever site made it: a change another site
  // asked for is refused (server actions check the same).
  if (!SAFE_METHODS.has(request.method) && isForeignOrigin(request)) {
    throw new AppError("FORBIDDEN");
  }
  const token = await getToken({ req: request, secret: authSecret() });
  return { session: sessionClaims(token) };
}

/** The signed-in user or API key allowed to do `permission` for `tenant`; throws an AppError otherwise. */
export async function requireAdmin(
  db: Database,
  tenant: Tenant,
  request: NextRequest,
  permission: Permission = "manage",
): Promise<Caller> {
  return authenticate(db, tenant, await credentialsOf(request), permission);
}
