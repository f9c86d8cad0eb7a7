import "server-only";
import { getServerSession } from "next-auth";
import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import {
  actorOf,
  authenticate,
  type Caller,
  type Credentials,
  getAuthOptions,
  type Permission,
  sessionClaims,
} from "@/lib/auth";
import { getDb } from "@/lib/db";
import { AppError, type ErrorCode, type ErrorDetails } from "@/lib/errors/app-error";
import type { FieldProblems } from "@/lib/errors/field-problems";
import { toAppError } from "@/lib/errors/to-app-error";
import { logger } from "@/lib/logger";
import { findCurrentTenant } from "./current-tenant";

/** The signed-in user's session as credentials (none when signed out). */
export async function sessionCredentials() {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user?.id ? session.user : null;
  const credentials: Credentials = { session: sessionClaims(user) };
  return { user, credentials };
}

/** What a dashboard action answers: done (with a value), or why not, as a stable code. */
export type ActionResult<T = undefined> =
  | { ok: true; value: T }
  | { ok: false; code: ErrorCode; details?: ErrorDetails; problems?: FieldProblems };

interface ActionContext {
  db: Database;
  tenant: Tenant;
  caller: Caller;
  actor: Actor;
}

/**
 * Runs a dashboard server action for the signed-in user of the current business, if their role
 * holds `permission` (checked again here: an action is a public endpoint whatever the UI shows).
 */
export async function dashboardAction<T>(
  permission: Permission,
  run: (ctx: ActionContext) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const tenant = await findCurrentTenant();
    if (!tenant) throw new AppError("TENANT_NOT_FOUND");
    const { credentials } = await sessionCredentials();
    const db = await getDb();
    const caller = await authenticate(db, tenant, credentials, permission);
    return { ok: true, value: await run({ db, tenant, caller, actor: actorOf(caller) }) };
  } catch (error) {
    const failure = toAppError(error);
    if (failure.code === "INTERNAL_ERROR") logger.error("dashboard action failed", error);
    return {
      ok: false,
      code: failure.code,
      details: failure.details,
      problems: failure.problems,
    };
  }
}
