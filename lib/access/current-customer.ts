import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { customerCookie, customerSessionOf } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { findCurrentTenant } from "./current-tenant";

/**
 * The customer signed in on this business's pages (their session cookie), once per request; null
 * for a visitor. A staff session never counts: it is another cookie.
 */
export const currentCustomerSession = cache(async () => {
  const tenant = await findCurrentTenant();
  if (!tenant) return null;
  const token = (await cookies()).get(customerCookie(tenant))?.value;
  return customerSessionOf(await getDb(), tenant, token, new Date());
});
