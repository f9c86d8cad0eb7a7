import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { tenants } from "@/db/schema";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Holds the business's row until the transaction ends, so that an "at most N" rule (webhook
 * endpoints, and plans' limits later) counts and inserts without a concurrent insert in between,
 * on every instance. NO KEY UPDATE: bookings' foreign-key checks on the row are not held up.
 */
export async function lockTenant(tx: Transaction, tenantId: string): Promise<void> {
  await tx
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .for("no key update");
}
