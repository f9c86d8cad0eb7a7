import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { authSecret } from "./secret";

/** What the proxy knows of a signed-in session: its user and business, from the cookie alone. */
export interface SessionHint {
  userId: string;
  tenantSlug: string;
}

/**
 * The session a request's cookie carries, decoded (not checked against the database: the routes
 * do that). Null without a session cookie.
 */
export async function sessionHint(request: NextRequest): Promise<SessionHint | null> {
  if (!request.cookies.getAll().some((c) => c.name.includes("next-auth.session-token"))) {
    return null;
  }
  const token = await getToken({ req: request, secret: authSecret() });
  return token?.userId && token.tenantSlug
    ? { userId: token.userId, tenantSlug: token.tenantSlug }
    : null;
}
