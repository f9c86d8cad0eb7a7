import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { currentTenant } from "@/lib/tenants/current-tenant";
import { getAuthOptions } from "./auth-options";
import { authenticate, type Permission } from "./authenticate";

/** The signed-in user of the current business for a dashboard page; else sign-in or a 403 page. */
export async function requirePageCaller(permission: Permission = "read") {
  const tenant = await currentTenant();
  const session = await getServerSession(getAuthOptions());
  if (!session?.user?.id) redirect("/login");
  try {
    const caller = await authenticate(
      await getDb(),
      tenant,
      { session: { userId: session.user.id, tenantId: session.user.tenantId } },
      permission,
    );
    return { tenant, caller, user: session.user };
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") forbidden();
    if (error instanceof AppError && error.code === "UNAUTHORIZED") redirect("/login");
    throw error;
  }
}
