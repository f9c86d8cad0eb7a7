import { type SQL, sql } from "drizzle-orm";
import { customers } from "@/db/schema";
import { webhookCtes } from "@/lib/outbox";

/** Who books: their address, name and phone as given with the booking. */
export interface BookingContact {
  email: string | null;
  name: string;
  phone: string | null;
}

/**
 * The CTEs of a booking statement that make or match its customer (`cust`, its `id`), by e-mail
 * address case-insensitively, once per row of `source` (none: nothing is booked, nobody is made),
 * and tell of a new one (`customer.created`). A returning customer is only read, and keeps the name
 * and phone they first gave; two first bookings at once meet on the unique index, and the second
 * takes the first's customer (ON CONFLICT sees the row its snapshot does not). Without an address
 * (a walk-in), nobody: `cust` is empty.
 */
export function customerCte(tenantId: string, contact: BookingContact, source: SQL, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const email = contact.email?.toLowerCase();
  const cust = email
    ? sql`, known as (
        select id from ${customers}
        where tenant_id = ${tenantId}::uuid and lower(email) = ${email}
      ), made as (
        insert into ${customers} as c (tenant_id, email, name, phone, created_at, updated_at)
        select ${tenantId}::uuid, ${email}, ${contact.name}, ${contact.phone}, ${at}, ${at}
        from ${source} as src where not exists (select 1 from known) limit 1
        on conflict (tenant_id, lower(email)) do update set updated_at = c.updated_at
        returning id, (xmax = 0) as created
      ), cust as (
        select id, false as created from known where exists (select 1 from ${source} as src)
        union all select id, created from made
      )`
    : sql`, cust as (select null::uuid as id, false as created where false)`;
  return sql`${cust}${webhookCtes(
    tenantId,
    [{ type: "customer.created" }],
    sql`(select id from cust where created)`,
    now,
    "hooked_customer",
  )}`;
}
