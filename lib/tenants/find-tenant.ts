import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type Tenant, tenants } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";

export async function findTenantBySlug(db: Database, slug: string): Promise<Tenant | undefined> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
  return tenant;
}

export async function getTenantBySlug(db: Database, slug: string): Promise<Tenant> {
  const tenant = await findTenantBySlug(db, slug);
  if (!tenant) throw new AppError("TENANT_NOT_FOUND");
  return tenant;
}
