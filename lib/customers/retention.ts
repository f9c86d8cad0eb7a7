import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Database, queryRows } from "@/db/client";
import { appointments, customers, type Tenant, tenants } from "@/db/schema";
import { type Actor, recordAudit, systemActor } from "@/lib/audit";
import { describeError, logger } from "@/lib/logger";
import { eraseCustomer } from "./erase";

const retentionActor: Actor = { ...systemActor, label: "retention" };

/** A business's retention: months without a booking before a customer is erased, or off. */
export const retentionSchema = z.object({
  customerRetentionMonths: z.number().int().min(1).max(120).nullable(),
});

export async function setRetention(
  db: Database,
  tenant: Tenant,
  months: number | null,
  actor: Actor,
) {
  await db.transaction(async (tx) => {
    await tx
      .update(tenants)
      .set({ customerRetentionMonths: months })
      .where(eq(tenants.id, tenant.id));
    await recordAudit(tx, tenant.id, actor, {
      action: "tenant.retention",
      entityType: "tenant",
      entityId: tenant.id,
      before: { customerRetentionMonths: tenant.customerRetentionMonths },
      after: { customerRetentionMonths: months },
    });
  });
}

/**
 * Erases, in every business that set a retention, the customers who have had no booking in that
 * many months (none since, none to come) and became customers before then. A customer who cannot
 * be erased now is left for the next pass. Returns how many were erased.
 */
export async function eraseLapsedCustomers(db: Database, now: Date, limit = 200): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const cutoff = sql`${at} - make_interval(months => t.customer_retention_months)`;
  const lapsed = await queryRows<{ tenant_id: string; id: string }>(
    db,
    sql`select c.tenant_id, c.id from ${customers} c
        join ${tenants} t on t.id = c.tenant_id
        where t.customer_retention_months is not null
          and c.created_at < ${cutoff}
          and not exists (
            select 1 from ${appointments} a
            where a.tenant_id = c.tenant_id and a.customer_id = c.id and a.starts_at >= ${cutoff})
        order by c.created_at limit ${limit}`,
  );
  let erased = 0;
  for (const { tenant_id, id } of lapsed) {
    try {
      await eraseCustomer(db, tenant_id, id, retentionActor, now);
      erased++;
    } catch (error) {
      logger.warn("lapsed customer not erased yet", {
        customerId: id,
        reason: describeError(error).split("\n")[0],
      });
    }
  }
  return erased;
}
