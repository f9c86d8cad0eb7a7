import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Tenant } from "@/db/schema";
import { authenticate, type Permission } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { sessionCredentials } from "./action-caller";
import { currentTenant } from "./current-tenant";

/** The signed-in user of the current business for a dashboard page; else sign-in or a 403 page. */
export async function requirePageCaller(permission: Permission = "read") {
  const tenant = await currentTenant();
  const { user, credentials } = await sessionCredentials();
  if (!user) redirect("/login");
  try {
    const caller = await authenticate(await getDb(), tenant, credentials, permission);
    return { tenant, caller, user };
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") forbidden();
    if (error instanceof AppError && error.code === "UNAUTHORIZED") redirect("/login");
    throw error;
  }
}

/** Whether the browser's session is a live one of this business (a signed-out one is not). */
export async function hasLiveSession(tenant: Tenant): Promise<boolean> {
  const { credentials } = await sessionCredentials();
  if (credentials.session?.tenantId !== tenant.id) return false;
  return authenticate(await getDb(), tenant, credentials, "read").then(
    () => true,
    () => false,
  );
}
