import { type SQL, sql } from "drizzle-orm";
import { customers } from "@/db/schema";
import { webhookCtes } from "@/lib/webhooks/emit";

/** Who books: their address, name and phone as given with the booking. */
export interface BookingContact {
  email: string | null;
  name: string;
  phone: string | null;
}

/**
 * The CTEs of a booking statement that make or match its customer (`cust`, its `id`), by e-mail
 * address case-insensitively, once per row of `source` (none: nothing is booked, nobody is made),
 * and tell of a new one (`customer.created`). A returning customer keeps their name; a phone they
 * had not given is filled in. Without an address (a walk-in), nobody: `cust` is empty.
 */
export function customerCte(tenantId: string, contact: BookingContact, source: SQL, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const cust = contact.email
    ? sql`, cust as (
        insert into ${customers} as c (tenant_id, email, name, phone, created_at, updated_at)
        select ${tenantId}::uuid, ${contact.email.toLowerCase()}, ${contact.name}, ${contact.phone}, ${at}, ${at}
        from ${source} as src limit 1
        on conflict (tenant_id, lower(email))
        do update set phone = coalesce(c.phone, excluded.phone), updated_at = excluded.updated_at
        returning id, (xmax = 0) as created
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
