import { and, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import { activities, appointments, type Customer, customers, type Tenant } from "@/db/schema";
import { appointmentRevenue, listAppointments } from "@/lib/appointments";
import { type Actor, recordAudit } from "@/lib/audit";
import { toDateRange } from "@/lib/availability";
import { sha256Hex } from "@/lib/crypto/sha256";
import { AppError } from "@/lib/errors/app-error";
import { type CursorKey, toPage } from "@/lib/http/cursor";
import { fromMinorUnits } from "@/lib/i18n/money";
import { SUPPORTED_YEARS } from "@/lib/scheduling/calendar-day";
import type { CustomerListQuery, CustomerUpdate } from "./schema";

/** What a customer's bookings add up to. */
/**
 * The key an e-mail address is known by where it must not be stored (a sign-in code's): its
 * SHA-256, lower-cased and trimmed as customers are matched.
 */
export const customerEmailKey = (email: string) => sha256Hex(email.trim().toLowerCase());

export interface CustomerStats {
  bookings: number;
  noShows: number;
  /** Completed bookings at their service's price, plus what was paid online and kept otherwise. */
  spentMinor: number;
  lastVisitAt: Date | null;
  /** The latest opt-in to the business's news, from the booking form (null: none). */
  marketingOptInAt: Date | null;
}

export type CustomerRow = Customer & CustomerStats;

interface Raw {
  tenant_id: string;
  id: string;
  email: string;
  name: string;
  phone: string | null;
  notes: string;
  tags: string[];
  locale: "fr" | "en" | null;
  time_zone: string | null;
  marketing_consent: boolean;
  marketing_consent_at: string | Date | null;
  reminder_minutes: number | null;
  created_at: string | Date;
  updated_at: string | Date;
  bookings: number;
  no_shows: number;
  spent_minor: number;
  last_visit_at: string | Date | null;
  marketing_opt_in_at: string | Date | null;
}

const toRow = (r: Raw): CustomerRow => ({
  tenantId: r.tenant_id,
  id: r.id,
  email: r.email,
  name: r.name,
  phone: r.phone,
  notes: r.notes,
  tags: r.tags,
  locale: r.locale,
  timeZone: r.time_zone,
  marketingConsent: r.marketing_consent,
  marketingConsentAt: r.marketing_consent_at === null ? null : new Date(r.marketing_consent_at),
  reminderMinutes: r.reminder_minutes,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  bookings: r.bookings,
  noShows: r.no_shows,
  spentMinor: r.spent_minor,
  lastVisitAt: r.last_visit_at === null ? null : new Date(r.last_visit_at),
  marketingOptInAt: r.marketing_opt_in_at === null ? null : new Date(r.marketing_opt_in_at),
});

/** Customers with their stats, one aggregate per customer over their appointments. */
const selectWithStats = (where: ReturnType<typeof sql>, tail = sql``) => sql`
  select c.*, s.bookings, s.no_shows, s.spent_minor, s.last_visit_at, s.marketing_opt_in_at
  from ${customers} c
  left join lateral (
    select count(*) filter (where a.status <> 'cancelled')::int as bookings,
      count(*) filter (where a.status = 'no_show')::int as no_shows,
      coalesce(sum(${appointmentRevenue(sql`a`, sql`act`)}), 0)::int as spent_minor,
      max(a.starts_at) filter (where a.status = 'completed') as last_visit_at,
      max(a.marketing_opt_in_at) as marketing_opt_in_at
    from ${appointments} a
    join ${activities} act on act.tenant_id = a.tenant_id and act.id = a.activity_id
    where a.tenant_id = c.tenant_id and a.customer_id = c.id
  ) s on true
  where ${where} ${tail}`;

/** `%text%` for ILIKE, its own % and _ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A page of the business's customers, newest first (or oldest), with their stats. */
export async function listCustomers(db: Database, tenant: Tenant, query: CustomerListQuery) {
  const range =
    query.createdFrom || query.createdTo
      ? toDateRange(
          {
            startDate: query.createdFrom ?? `${SUPPORTED_YEARS.min}-01-01`,
            endDate: query.createdTo ?? `${SUPPORTED_YEARS.max}-12-31`,
          },
          tenant.timeZone,
          { maxDays: Number.POSITIVE_INFINITY },
        )
      : undefined;
  const desc = query.order === "desc";
  const iso = (ms: number) => new Date(ms).toISOString();
  const conditions = [
    sql`c.tenant_id = ${tenant.id}`,
    query.search
      ? sql`(c.name ilike ${containing(query.search)} or c.email ilike ${containing(query.search)}
          or c.phone ilike ${containing(query.search)})`
      : undefined,
    range ? sql`c.created_at >= ${iso(range.from)}::timestamptz` : undefined,
    range ? sql`c.created_at < ${iso(range.to)}::timestamptz` : undefined,
    query.cursor
      ? sql`(date_trunc('milliseconds', c.created_at), c.id) ${sql.raw(desc ? "<" : ">")}
          (${query.cursor.at.toISOString()}::timestamptz, ${query.cursor.id}::uuid)`
      : undefined,
  ].filter((c) => c !== undefined);
  const order = sql.raw(desc ? "desc" : "asc");
  const rows = await queryRows<Raw>(
    db,
    selectWithStats(
      sql.join(conditions, sql` and `),
      sql`order by date_trunc('milliseconds', c.created_at) ${order}, c.id ${order}
        limit ${query.limit + 1}`,
    ),
  );
  return toPage(rows.map(toRow), query.limit, (c): CursorKey => ({ at: c.createdAt, id: c.id }));
}

export async function getCustomer(db: Database, tenantId: string, id: string) {
  const [row] = await queryRows<Raw>(
    db,
    selectWithStats(sql`c.tenant_id = ${tenantId} and c.id = ${id}`),
  );
  if (!row) throw new AppError("NOT_FOUND");
  return toRow(row);
}

/** A customer with their appointments, latest first. */
export async function customerHistory(db: Database, tenantId: string, id: string) {
  const [customer, history] = await Promise.all([
    getCustomer(db, tenantId, id),
    listAppointments(db, tenantId, { customerId: id, descending: true }),
  ]);
  return { customer, appointments: history };
}

/** Changes what the business keeps about a customer (notes, tags, name, phone). */
export async function updateCustomer(
  db: Database,
  tenantId: string,
  id: string,
  input: CustomerUpdate,
  actor: Actor,
  now: Date,
): Promise<CustomerRow> {
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(customers)
      .set({ ...input, updatedAt: now })
      .where(and(eq(customers.tenantId, tenantId), eq(customers.id, id)))
      .returning({ id: customers.id });
    if (!updated) throw new AppError("NOT_FOUND");
    // Which fields changed, not what they say: notes may be personal.
    await recordAudit(tx, tenantId, actor, {
      action: "customer.update",
      entityType: "customer",
      entityId: id,
      after: {
        fields: Object.keys(input).filter((k) => input[k as keyof CustomerUpdate] !== undefined),
      },
    });
  });
  return getCustomer(db, tenantId, id);
}

export function toCustomerJson(row: CustomerRow, currency: string) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    tags: row.tags,
    stats: {
      bookings: row.bookings,
      noShows: row.noShows,
      totalSpent: fromMinorUnits(row.spentMinor, currency),
      currency,
      lastVisitAt: row.lastVisitAt?.toISOString() ?? null,
    },
    marketingOptInAt: row.marketingOptInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
