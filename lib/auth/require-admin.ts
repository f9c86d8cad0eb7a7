import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import { authenticate, type Caller, type Credentials, type Permission } from "./authenticate";
import { authSecret } from "./secret";

/** The credentials a request carries: a Bearer API key if it sends one, else its session cookie. */
export async function credentialsOf(request: NextRequest): Promise<Credentials> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (bearer) return { bearer };
  const token = await getToken({ req: request, secret: authSecret() });
  return {
    session:
      token?.userId && token.tenantId ? { userId: token.userId, tenantId: token.tenantId } : null,
  };
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
