import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { tenants } from "@/db/schema";

/** Marks the business's schedule as changed; call it last in the transaction that changed it. */
export async function bumpScheduleVersion(tx: Database, tenantId: string) {
  await tx
    .update(tenants)
    .set({ scheduleVersion: sql`${tenants.scheduleVersion} + 1` })
    .where(eq(tenants.id, tenantId));
}
