import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { activities, appointments, type Tenant } from "@/db/schema";
import { mondayOf } from "@/lib/offer";
import { addDays, dayInZone, zonedInstant } from "@/lib/scheduling/calendar-day";
import { joinActivity } from "./appointments";
import { appointmentRevenue } from "./revenue-sql";

export interface Overview {
  today: number;
  thisWeek: number;
  pendingToConfirm: number;
  cancelledThisMonth: number;
  noShowsThisMonth: number;
  /** Minor units of the tenant's currency: what the month's bookings brought in (appointmentRevenue). */
  revenueThisMonth: number;
}

/** Today, this week's Monday and this month's first day in the business's zone, and the next. */
export function overviewDays(now: Date, timeZone: string) {
  const today = dayInZone(now, timeZone);
  const monday = mondayOf(today);
  const firstOfMonth = `${today.slice(0, 8)}01`;
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const nextMonth = `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, "0")}-01`;
  return { today, monday, nextMonday: addDays(monday, 7), firstOfMonth, nextMonth };
}

/** Bounds of today, this week (Monday to Sunday) and this month in the business's zone. */
export function overviewPeriods(now: Date, timeZone: string) {
  const { today, monday, nextMonday, firstOfMonth, nextMonth } = overviewDays(now, timeZone);
  const at = (day: string) => new Date(zonedInstant(day, 0, timeZone));
  return {
    day: [at(today), at(addDays(today, 1))],
    week: [at(monday), at(nextMonday)],
    month: [at(firstOfMonth), at(nextMonth)],
  } as const;
}

/**
 * The appointments table's filters showing what each figure counts (the table's days are
 * inclusive; "to confirm" counts pending bookings not yet over, so from today on).
 */
export function overviewFilters(now: Date, timeZone: string) {
  const { today, monday, nextMonday, firstOfMonth, nextMonth } = overviewDays(now, timeZone);
  const month = { from: firstOfMonth, to: addDays(nextMonth, -1) };
  return {
    today: { from: today, to: today, status: "pending,confirmed,completed,no_show" },
    thisWeek: {
      from: monday,
      to: addDays(nextMonday, -1),
      status: "pending,confirmed,completed,no_show",
    },
    pending: { status: "pending", from: today },
    cancelled: { status: "cancelled", ...month },
    noShows: { status: "no_show", ...month },
    revenue: { status: "completed", ...month },
  } as const;
}

const countWhere = (condition: SQL | undefined) =>
  sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

const startsIn = ([from, to]: readonly [Date, Date]) =>
  and(gte(appointments.startsAt, from), lt(appointments.startsAt, to));

/** The dashboard's figures, in one query. Cancelled bookings count only as cancellations. */
export async function overview(db: Database, tenant: Tenant, now: Date): Promise<Overview> {
  const { day, week, month } = overviewPeriods(now, tenant.timeZone);
  const holding = sql`${appointments.status} in ('pending', 'confirmed', 'completed', 'no_show')`;
  const [row] = await db
    .select({
      today: countWhere(and(startsIn(day), holding)),
      thisWeek: countWhere(and(startsIn(week), holding)),
      pendingToConfirm: countWhere(
        and(eq(appointments.status, "pending"), gte(appointments.endsAt, now)),
      ),
      cancelledThisMonth: countWhere(and(startsIn(month), eq(appointments.status, "cancelled"))),
      noShowsThisMonth: countWhere(and(startsIn(month), eq(appointments.status, "no_show"))),
      revenueThisMonth: sql<number>`coalesce(sum(${appointmentRevenue(
        sql`${appointments}`,
        sql`${activities}`,
      )}) filter (where ${startsIn(month)}), 0)`.mapWith(Number),
    })
    .from(appointments)
    .innerJoin(activities, joinActivity)
    .where(eq(appointments.tenantId, tenant.id));
  return {
    today: row?.today ?? 0,
    thisWeek: row?.thisWeek ?? 0,
    pendingToConfirm: row?.pendingToConfirm ?? 0,
    cancelledThisMonth: row?.cancelledThisMonth ?? 0,
    noShowsThisMonth: row?.noShowsThisMonth ?? 0,
    revenueThisMonth: row?.revenueThisMonth ?? 0,
  };
}
