import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Tenant } from "@/db/schema";
import { getDb } from "@/lib/db";
import { findTenantBySlug } from "./find-tenant";
import { TENANT_HEADER } from "./resolve-tenant-slug";

/** The tenant of the current page request, as proxy.ts resolved it; a 404 page when unknown. */
export const currentTenant = cache(async (): Promise<Tenant> => {
  const slug = (await headers()).get(TENANT_HEADER);
  const tenant = slug ? await findTenantBySlug(await getDb(), slug) : undefined;
  if (!tenant) notFound();
  return tenant;
});
