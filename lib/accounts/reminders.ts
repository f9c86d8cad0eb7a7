import { sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import { outboundMessages } from "@/db/schema";
import { type OwedMessage, writeOwed } from "@/lib/outbox";

/**
 * Gives the customer's upcoming bookings the reminder lead they now prefer (null: each service's
 * own again): each booking keeps it, its reminder still queued is withdrawn, and a new one is
 * owed at the new time when that is still ahead. Bookings they make signed in take it too.
 */
export async function rescheduleReminders(
  tx: Database,
  tenantId: string,
  customerId: string,
  lead: number | null,
  now: Date,
) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const upcoming = await queryRows<{
    id: string;
    starts_at: string | Date;
    sequence: number;
    lead: number | null;
  }>(
    tx,
    sql`update appointments a set reminder_minutes = ${lead}::int
        from activities act
        where a.tenant_id = ${tenantId}::uuid and a.customer_id = ${customerId}::uuid
          and a.status in ('pending', 'confirmed') and a.starts_at > ${at}
          and act.tenant_id = a.tenant_id and act.id = a.activity_id
        returning a.id, a.starts_at, a.sequence,
          coalesce(${lead}::int, case when act.reminder_enabled then act.reminder_hours_before * 60 end)
            as lead`,
  );
  if (!upcoming.length) return;
  await tx.execute(
    sql`update ${outboundMessages} set status = 'cancelled'
        where tenant_id = ${tenantId}::uuid and kind = 'reminder' and status = 'queued'
          and appointment_id in (${sql.join(
            upcoming.map((a) => sql`${a.id}::uuid`),
            sql`, `,
          )})`,
  );
  for (const a of upcoming) {
    const remindAt = new Date(a.starts_at).getTime() - (a.lead ?? 0) * 60_000;
    if (a.lead === null || remindAt <= now.getTime()) continue;
    const owed: OwedMessage = {
      kind: "reminder",
      recipient: "customer",
      sendAfter: new Date(remindAt),
      payload: { by: "customer", sequence: a.sequence },
    };
    await writeOwed(tx, tenantId, a.id, [owed]);
  }
}
