import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Database, queryRows } from "@/db/client";
import { activities, appointments, staffMembers, type Tenant } from "@/db/schema";
import { appointmentRevenue } from "@/lib/appointments";
import { toDateRange } from "@/lib/availability";
import { mondayOf } from "@/lib/offer";
import { addDays, dayCount, isCalendarDay } from "@/lib/scheduling/calendar-day";

/** The longest range shown day by day; longer ones go by week (from Monday). */
export const DAILY_UP_TO_DAYS = 62;
/** The longest range the page takes: two years. */
export const MAX_STATISTICS_DAYS = 731;

const day = z.string().refine(isCalendarDay, "day");

/** A range of days of the business's calendar, both included. */
export const statisticsQuerySchema = z
  .object({ from: day, to: day })
  .refine((q) => q.from <= q.to, { message: "notBeforeFrom", path: ["to"] })
  .refine((q) => dayCount(q.from, q.to) <= MAX_STATISTICS_DAYS, {
    message: `the range may cover at most ${MAX_STATISTICS_DAYS} days`,
    path: ["to"],
  });
export type StatisticsQuery = z.output<typeof statisticsQuerySchema>;

/** The 30 days up to today, in the business's zone: the range shown first. */
export const defaultRange = (today: string): StatisticsQuery => ({
  from: addDays(today, -29),
  to: today,
});

export interface Totals {
  /** Bookings not cancelled (to come, done, missed). */
  bookings: number;
  cancelled: number;
  completed: number;
  noShows: number;
  /** Minor units: see appointmentRevenue. */
  revenueMinor: number;
}

export interface Breakdown extends Totals {
  id: string;
  name: string;
}

export interface Statistics {
  from: string;
  to: string;
  /** The period of the same length just before, and its totals. */
  previous: { from: string; to: string; totals: Totals };
  totals: Totals;
  unit: "day" | "week";
  /** Every day (or week's Monday) of the range, in order, empty ones included. */
  series: ({ start: string } & Totals)[];
  /** Bookings not cancelled by weekday (1 Monday … 7 Sunday) and hour of their start. */
  heat: { weekday: number; hour: number; bookings: number }[];
  byService: Breakdown[];
  byStaff: Breakdown[];
}

/** Cancelled among all bookings; no-shows among those that were due (done or missed). */
export const rates = (t: Totals) => ({
  cancellation: t.bookings + t.cancelled ? t.cancelled / (t.bookings + t.cancelled) : 0,
  noShow: t.completed + t.noShows ? t.noShows / (t.completed + t.noShows) : 0,
});

const emptyTotals = (): Totals => ({
  bookings: 0,
  cancelled: 0,
  completed: 0,
  noShows: 0,
  revenueMinor: 0,
});

interface Raw {
  bookings: number;
  cancelled: number;
  completed: number;
  no_shows: number;
  revenue: number;
}
const totalsOf = (r: Raw | undefined): Totals =>
  r
    ? {
        bookings: Number(r.bookings),
        cancelled: Number(r.cancelled),
        completed: Number(r.completed),
        noShows: Number(r.no_shows),
        revenueMinor: Number(r.revenue),
      }
    : emptyTotals();

const counts = sql`count(*) filter (where status <> 'cancelled')::int as bookings,
  count(*) filter (where status = 'cancelled')::int as cancelled,
  count(*) filter (where status = 'completed')::int as completed,
  count(*) filter (where status = 'no_show')::int as no_shows,
  coalesce(sum(revenue), 0)::bigint as revenue`;

/**
 * A business's bookings between two days of its calendar (both included, by start time in its
 * zone): totals against the period just before, a series by day or week, the busiest hours, and
 * each service's and staff member's share.
 */
export async function statistics(
  db: Database,
  tenant: Tenant,
  range: StatisticsQuery,
): Promise<Statistics> {
  const length = dayCount(range.from, range.to);
  const previous = { from: addDays(range.from, -length), to: addDays(range.from, -1) };
  const zone = tenant.timeZone;
  const source = (period: { from: string; to: string }) => {
    const { from, to } = toDateRange({ startDate: period.from, endDate: period.to }, zone, {
      maxDays: MAX_STATISTICS_DAYS,
    });
    return sql`select a.status, a.starts_at at time zone ${zone} as local, act.id as service_id,
        act.name as service, s.id as staff_id, s.name as staff,
        ${appointmentRevenue(sql`a`, sql`act`)} as revenue
      from ${appointments} a
      join ${activities} act on act.tenant_id = a.tenant_id and act.id = a.activity_id
      join ${staffMembers} s on s.tenant_id = a.tenant_id and s.id = a.staff_id
      where a.tenant_id = ${tenant.id}
        and a.starts_at >= ${new Date(from).toISOString()}::timestamptz
        and a.starts_at < ${new Date(to).toISOString()}::timestamptz`;
  };
  const src = source(range);
  const unit = length > DAILY_UP_TO_DAYS ? "week" : "day";
  const [[now], [before], series, heat, byService, byStaff] = await Promise.all([
    queryRows<Raw>(db, sql`select ${counts} from (${src}) t`),
    queryRows<Raw>(db, sql`select ${counts} from (${source(previous)}) t`),
    queryRows<Raw & { start: string }>(
      db,
      sql`select to_char(date_trunc(${unit}, local), 'YYYY-MM-DD') as start, ${counts}
        from (${src}) t group by 1`,
    ),
    queryRows<{ weekday: number; hour: number; bookings: number }>(
      db,
      sql`select extract(isodow from local)::int as weekday, extract(hour from local)::int as hour,
          count(*)::int as bookings
        from (${src}) t where status <> 'cancelled' group by 1, 2`,
    ),
    queryRows<Raw & { id: string; name: string }>(
      db,
      sql`select service_id as id, service as name, ${counts}
        from (${src}) t group by 1, 2 order by bookings desc, name`,
    ),
    queryRows<Raw & { id: string; name: string }>(
      db,
      sql`select staff_id as id, staff as name, ${counts}
        from (${src}) t group by 1, 2 order by bookings desc, name`,
    ),
  ]);

  const byStart = new Map(series.map((row) => [row.start, totalsOf(row)]));
  const starts: string[] = [];
  const step = unit === "week" ? 7 : 1;
  for (let start = unit === "week" ? mondayOf(range.from) : range.from; start <= range.to; ) {
    starts.push(start);
    start = addDays(start, step);
  }
  const breakdown = (rows: (Raw & { id: string; name: string })[]) =>
    rows.map((row) => ({ id: row.id, name: row.name, ...totalsOf(row) }));
  return {
    from: range.from,
    to: range.to,
    previous: { ...previous, totals: totalsOf(before) },
    totals: totalsOf(now),
    unit,
    series: starts.map((start) => ({ start, ...(byStart.get(start) ?? emptyTotals()) })),
    heat: heat.map((h) => ({ weekday: h.weekday, hour: h.hour, bookings: h.bookings })),
    byService: breakdown(byService),
    byStaff: breakdown(byStaff),
  };
}
