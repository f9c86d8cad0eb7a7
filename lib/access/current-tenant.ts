import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Tenant } from "@/db/schema";
import { getDb } from "@/lib/db";
import { findTenantBySlug, TENANT_HEADER } from "@/lib/tenants";

/** The tenant of the current page request as proxy.ts resolved it, once per request. */
export const findCurrentTenant = cache(async (): Promise<Tenant | undefined> => {
  const slug = (await headers()).get(TENANT_HEADER);
  return slug ? findTenantBySlug(await getDb(), slug) : undefined;
});

/** The tenant of the current page request; a 404 page when there is none. */
export async function currentTenant(): Promise<Tenant> {
  const tenant = await findCurrentTenant();
  if (!tenant) notFound();
  return tenant;
}
