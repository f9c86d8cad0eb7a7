import { type SQL, sql } from "drizzle-orm";
import { payments } from "@/db/schema";

/**
 * What one appointment brought in, in minor units: a completed one its service's price (`act` is
 * its activity), any other what was paid online and not refunded (a kept deposit, a late
 * cancellation's charge). Customers' "total spent" and the statistics add this up.
 */
export const appointmentRevenue = (a: SQL, act: SQL) => sql`case when ${a}.status = 'completed'
  then ${act}.price_minor
  else (select coalesce(sum(p.amount_minor - p.refunded_minor), 0) from ${payments} p
        where p.tenant_id = ${a}.tenant_id and p.appointment_id = ${a}.id
          and p.paid_at is not null) end`;
