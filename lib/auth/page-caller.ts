import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { currentTenant } from "@/lib/tenants/current-tenant";
import { sessionCredentials } from "./action-caller";
import { authenticate, type Permission } from "./authenticate";

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
