import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiKeys, type Role, type Tenant, users } from "@/db/schema";
import { findApiKeyBySecret } from "@/lib/api-keys";
import type { Actor } from "@/lib/audit";
import { AppError } from "@/lib/errors/app-error";
import { isCustomerToken } from "./customer-token";

/**
 * What a caller may do: `read` everything of their business, change `appointments` (statuses,
 * bookings), or `manage` the business (activities, hours, settings, team, keys).
 */
export type Permission = "read" | "appointments" | "manage";

const permissionsOf: Record<Role, readonly Permission[]> = {
  owner: ["read", "appointments", "manage"],
  admin: ["read", "appointments", "manage"],
  staff: ["read", "appointments"],
};

export const can = (role: Role, permission: Permission) => permissionsOf[role].includes(permission);

export interface Caller {
  kind: "user" | "api_key";
  id: string;
  tenantId: string;
  role: Role;
  label: string;
  /** An API key made read-only: it may read, nothing more, whatever its role. */
  readOnly?: boolean;
}

/** What a session cookie says of its user. */
export interface SessionClaims {
  userId: string;
  tenantId: string;
  /** Absent in cookies made before session versions: such a session counts as version 0. */
  sessionVersion?: number;
}

/** The claims of a decoded session token or next-auth session user, or null. */
export function sessionClaims(
  claims:
    | { userId?: string; id?: string; tenantId?: string; sessionVersion?: number }
    | null
    | undefined,
): SessionClaims | null {
  const userId = claims?.userId ?? claims?.id;
  return userId && claims?.tenantId
    ? { userId, tenantId: claims.tenantId, sessionVersion: claims.sessionVersion }
    : null;
}

export interface Credentials {
  /** The secret of an `Authorization: Bearer` header, when one was sent. */
  bearer?: string | null;
  /** The signed-in user's session claims, when a valid session cookie was sent. */
  session?: SessionClaims | null;
}

export const actorOf = (caller: Caller): Actor => ({
  type: caller.kind,
  id: caller.id,
  label: caller.label,
});

/**
 * The caller behind these credentials, allowed to do `permission` in `tenant`, or an AppError:
 * UNAUTHORIZED without valid credentials, FORBIDDEN for another tenant's credentials or a role
 * that lacks the permission.
 */
export async function authenticate(
  db: Database,
  tenant: Tenant,
  credentials: Credentials,
  permission: Permission,
): Promise<Caller> {
  const caller = credentials.bearer
    ? await callerFromApiKey(db, tenant, credentials.bearer)
    : await callerFromSession(db, tenant, credentials.session);
  if (!can(caller.role, permission) || (caller.readOnly && permission !== "read")) {
    throw new AppError("FORBIDDEN");
  }
  return caller;
}

async function callerFromApiKey(db: Database, tenant: Tenant, secret: string): Promise<Caller> {
  // A customer signed in is no one on the business's side.
  if (isCustomerToken(secret)) throw new AppError("FORBIDDEN");
  const key = await findApiKeyBySecret(db, secret);
  if (!key || key.revokedAt) throw new AppError("UNAUTHORIZED");
  if (key.tenantId !== tenant.id) throw new AppError("FORBIDDEN");
  // Recorded at most once a minute, so that busy integrations do not write on every call.
  await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(apiKeys.tenantId, key.tenantId),
        eq(apiKeys.id, key.id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(Date.now() - 60_000))),
      ),
    );
  return {
    kind: "api_key",
    id: key.id,
    tenantId: key.tenantId,
    role: "admin",
    label: key.name,
    readOnly: key.scope === "read",
  };
}

async function callerFromSession(
  db: Database,
  tenant: Tenant,
  session: Credentials["session"],
): Promise<Caller> {
  if (!session) throw new AppError("UNAUTHORIZED");
  if (session.tenantId !== tenant.id) throw new AppError("FORBIDDEN");
  // The role is read afresh so that a removed user or a changed role takes effect at once.
  const [user] = await db
    .select({
      id: users.id,
      role: users.role,
      email: users.email,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(and(eq(users.tenantId, tenant.id), eq(users.id, session.userId)));
  // A session from before the user signed out, changed password or was removed is over.
  if (!user || user.sessionVersion !== (session.sessionVersion ?? 0)) {
    throw new AppError("UNAUTHORIZED");
  }
  return { kind: "user", id: user.id, tenantId: tenant.id, role: user.role, label: user.email };
}
