import { formatInTimeZone } from "date-fns-tz";
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import {
  activities,
  appointments,
  paymentRefunds,
  payments,
  staffMembers,
  type Tenant,
} from "@/db/schema";
import { type DateRange, toDateRange } from "@/lib/availability";
import { defused, localizedCsv, spreadsheetNumber, spreadsheetTime } from "@/lib/csv/spreadsheet";
import { fromMinorUnits } from "@/lib/i18n/money";
import { addDays, dayInZone, isCalendarDay } from "@/lib/scheduling/calendar-day";

/**
 * Money in and out over a range: a payment counts on the day it was paid, a refund on the day it
 * was made (so a month's net is what that month brought, whatever later refunds do).
 */
export interface Movement {
  at: Date;
  kind: "payment" | "refund";
  amountMinor: number;
  currency: string;
  activityId: string;
  activityName: string;
  staffId: string;
  staffName: string;
  clientName: string | null;
}

export interface RevenueLine {
  id: string;
  name: string;
  paidMinor: number;
  refundedMinor: number;
  netMinor: number;
  payments: number;
}

export interface RevenueReport {
  total: RevenueLine;
  byService: RevenueLine[];
  byStaff: RevenueLine[];
  /** Every day of the range in the business's zone, with what came in and went out. */
  byDay: RevenueLine[];
}

export async function revenueMovements(
  db: Database,
  tenant: Tenant,
  range: DateRange,
): Promise<Movement[]> {
  const from = new Date(range.from).toISOString();
  const to = new Date(range.to).toISOString();
  const rows = await queryRows<{
    at: string | Date;
    kind: Movement["kind"];
    amount_minor: number;
    currency: string;
    activity_id: string;
    activity_name: string;
    staff_id: string;
    staff_name: string;
    client_name: string | null;
  }>(
    db,
    sql`with moves as (
          select p.paid_at as at, 'payment' as kind, p.amount_minor, p.id as payment_id
          from ${payments} p
          where p.tenant_id = ${tenant.id} and p.paid_at >= ${from}::timestamptz
            and p.paid_at < ${to}::timestamptz
          union all
          select r.created_at, 'refund', r.amount_minor, r.payment_id
          from ${paymentRefunds} r
          where r.tenant_id = ${tenant.id} and r.created_at >= ${from}::timestamptz
            and r.created_at < ${to}::timestamptz
        )
        select m.at, m.kind, m.amount_minor, p.currency, p.activity_id, a.name as activity_name,
          p.staff_id, s.name as staff_name, ap.client_name
        from moves m
        join ${payments} p on p.tenant_id = ${tenant.id} and p.id = m.payment_id
        join ${activities} a on a.tenant_id = p.tenant_id and a.id = p.activity_id
        join ${staffMembers} s on s.tenant_id = p.tenant_id and s.id = p.staff_id
        left join ${appointments} ap on ap.tenant_id = p.tenant_id and ap.id = p.appointment_id
        order by m.at, m.kind`,
  );
  return rows.map((r) => ({
    at: new Date(r.at),
    kind: r.kind,
    amountMinor: Number(r.amount_minor),
    currency: r.currency,
    activityId: r.activity_id,
    activityName: r.activity_name,
    staffId: r.staff_id,
    staffName: r.staff_name,
    clientName: r.client_name,
  }));
}

const emptyLine = (id: string, name: string): RevenueLine => ({
  id,
  name,
  paidMinor: 0,
  refundedMinor: 0,
  netMinor: 0,
  payments: 0,
});

function add(line: RevenueLine, m: Movement) {
  if (m.kind === "payment") {
    line.paidMinor += m.amountMinor;
    line.payments += 1;
  } else {
    line.refundedMinor += m.amountMinor;
  }
  line.netMinor = line.paidMinor - line.refundedMinor;
}

/** The report of the movements: totals, by service, by staff member and by day (`days`). */
export function revenueReport(
  movements: Movement[],
  days: string[],
  timeZone: string,
): RevenueReport {
  const total = emptyLine("total", "");
  const services = new Map<string, RevenueLine>();
  const staff = new Map<string, RevenueLine>();
  const byDay = new Map(days.map((d) => [d, emptyLine(d, d)]));
  for (const m of movements) {
    add(total, m);
    const service = services.get(m.activityId) ?? emptyLine(m.activityId, m.activityName);
    services.set(m.activityId, service);
    add(service, m);
    const person = staff.get(m.staffId) ?? emptyLine(m.staffId, m.staffName);
    staff.set(m.staffId, person);
    add(person, m);
    const day = byDay.get(formatInTimeZone(m.at, timeZone, "yyyy-MM-dd"));
    if (day) add(day, m);
  }
  const byNet = (a: RevenueLine, b: RevenueLine) =>
    b.netMinor - a.netMinor || a.name.localeCompare(b.name);
  return {
    total,
    byService: [...services.values()].sort(byNet),
    byStaff: [...staff.values()].sort(byNet),
    byDay: [...byDay.values()],
  };
}

/**
 * The movements as CSV, one line each (a refund's amount negative), in the business's zone and,
 * like every export, as its language's spreadsheets open them.
 */
export function revenueCsv(
  movements: Movement[],
  timeZone: string,
  locale: "fr" | "en",
  columns: Record<"date" | "kind" | "service" | "staff" | "client" | "amount" | "currency", string>,
  kinds: Record<Movement["kind"], string>,
): string {
  const french = locale === "fr";
  const names = ["date", "kind", "service", "staff", "client", "amount", "currency"] as const;
  return localizedCsv(
    [
      names.map((name) => columns[name]),
      ...movements.map((m) => [
        spreadsheetTime(m.at, timeZone),
        kinds[m.kind],
        defused(m.activityName),
        defused(m.staffName),
        defused(m.clientName ?? ""),
        spreadsheetNumber(
          fromMinorUnits(m.kind === "refund" ? -m.amountMinor : m.amountMinor, m.currency),
          french,
        ),
        m.currency,
      ]),
    ],
    french,
  );
}

const MAX_REPORT_DAYS = 366;

/**
 * The report's days: `from` to `to` (calendar days in the business's zone, both included), this
 * month by default; an end before the start or more than a year is refused (VALIDATION_ERROR).
 */
export function reportDays(
  query: { from?: string; to?: string },
  timeZone: string,
  now: Date,
): { from: string; to: string; range: DateRange; days: string[] } {
  const today = dayInZone(now, timeZone);
  const month = today.slice(0, 7);
  // The 28th and 4 days more always fall in the next month; the day before its 1st ends this one.
  const nextMonth = addDays(`${month}-28`, 4).slice(0, 7);
  const from = query.from && isCalendarDay(query.from) ? query.from : `${month}-01`;
  const to = query.to && isCalendarDay(query.to) ? query.to : addDays(`${nextMonth}-01`, -1);
  const range = toDateRange({ startDate: from, endDate: to }, timeZone, {
    maxDays: MAX_REPORT_DAYS,
  });
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return { from, to, range, days };
}
