import type { Database } from "@/db/client";
import type { DeliveryMode } from "@/db/enums";
import type { Activity, Tenant } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import {
  addDays,
  dayInZone,
  isCalendarDay,
  weekdayOf,
  zonedInstant,
} from "@/lib/scheduling/calendar-day";
import { DAY_MS } from "@/lib/scheduling/durations";
import type { OpeningHours } from "@/lib/scheduling/opening-windows";
import { type Choice, chosenStaff, loadBookingContext } from "./booking-context";
import { findSlots, offersAt } from "./find-slots";

/**
 * A day of the week shown: its free starts, or why it has none that is not "all taken": it is
 * over (before today), or the business is closed (with its reason, which customers may read).
 */
export interface BookingDay {
  day: string;
  starts: number[];
  past: boolean;
  closed: boolean;
  reason: string | null;
}

/** A week of bookable start times, for the booking and reschedule pages. */
export interface BookingWeek {
  activity: Activity;
  /** Who performs the activity, in the business's order. */
  staff: { id: string; name: string; color: string }[];
  /** The one whose times these are, or null for anyone's ("no preference"). */
  staffId: string | null;
  /** The zone the days are cut in and the times shown in. */
  timeZone: string;
  /** Monday of the week shown. */
  weekStart: string;
  days: BookingDay[];
  previousWeek: string | null;
  nextWeek: string | null;
  /** No free time at all before the booking horizon. */
  fullyBooked: boolean;
  /** A class's places left, by free start (epoch milliseconds); empty for other services. */
  places: Record<number, number>;
  /** Every free start from now to the horizon, in order. */
  free: number[];
}

/** Monday of the week a day belongs to. */
export const mondayOf = (day: string) => addDays(day, -((weekdayOf(day) + 6) % 7));

/**
 * The free start times of an activity for one week (Monday to Sunday in `timeZone`), the first
 * week with a free time when none is asked for. One read of the whole bookable period (now to
 * the activity's horizon) answers the week and whether the neighbouring weeks are worth a link.
 */
export async function loadBookingWeek(
  db: Database,
  tenant: Tenant,
  activityId: string,
  options: {
    week?: string;
    timeZone: string;
    exceptAppointmentId?: string;
    /** One staff member's times; anyone's when left out. */
    staffId?: string | null;
    /** One location's times (and staff); every location's when left out. */
    locationId?: string | null;
    /** In person or on video, for a service delivered both ways. */
    mode?: DeliveryMode | null;
  },
  now: Date,
): Promise<BookingWeek> {
  const { timeZone } = options;
  const today = dayInZone(now, timeZone);
  const context = await loadBookingContext(db, tenant, activityId);
  const { activity, hours } = context;
  // A place or someone no longer there, on a page's link, stands for no preference.
  const locationId = context.locations.find((l) => l.id === options.locationId)?.id ?? null;
  const here = chosenStaff(context, { locationId });
  const staffId = here.find((s) => s.id === options.staffId)?.id ?? null;
  const from = now.getTime();
  const to = from + (activity.maxAdvanceDays + 1) * DAY_MS;
  const { slots } = await findSlots(
    db,
    tenant,
    activityId,
    { from, to },
    now,
    { staffId, locationId, mode: options.mode },
    options.exceptAppointmentId,
  );
  const open = slots.filter((slot) => slot.available);
  // Several places at one instant (no place chosen) are one time for the customer.
  const free = [...new Set(open.map((slot) => slot.start))];
  const places: Record<number, number> = {};
  for (const slot of open) {
    if (slot.remaining !== undefined)
      places[slot.start] = (places[slot.start] ?? 0) + slot.remaining;
  }

  const week = shapeWeek(free, hours, { timeZone, week: options.week, today, to });
  return {
    activity,
    // Someone working at several places is one choice.
    staff: [...new Map(here.map(({ id, name, color }) => [id, { id, name, color }])).values()],
    staffId,
    timeZone,
    ...week,
    places,
    free,
  };
}

/**
 * The week of free starts to show (the one asked for, else the first with a free start, within
 * the bookable period), its days (past, closed with the business's reason, or their starts), and
 * whether the neighbouring weeks are worth a link.
 */
export function shapeWeek(
  free: readonly number[],
  hours: OpeningHours,
  options: { timeZone: string; week?: string; today: string; to: number },
) {
  const { timeZone, today, to } = options;
  const firstWeek = mondayOf(today);
  const lastWeek = mondayOf(dayInZone(to, timeZone));
  const firstFree = free[0];
  // A week asked for that is no calendar day (a hand-edited link) counts as none asked for.
  const asked = options.week && isCalendarDay(options.week) ? options.week : undefined;
  const wanted =
    asked ?? (firstFree === undefined ? firstWeek : mondayOf(dayInZone(firstFree, timeZone)));
  const weekStart = clampDay(mondayOf(wanted), firstWeek, lastWeek);

  const weekFrom = zonedInstant(weekStart, 0, timeZone);
  const weekTo = zonedInstant(addDays(weekStart, 7), 0, timeZone);
  // Closed days are the business's (a day off, or a weekday without opening hours); shown in
  // another zone, the same dates are marked.
  const openWeekdays = new Set(hours.weekly.map((w) => w.dayOfWeek));
  const days: BookingDay[] = Array.from({ length: 7 }, (_, i) => {
    const day = addDays(weekStart, i);
    return {
      day,
      starts: [],
      past: day < today,
      closed: (hours.closedReasons?.has(day) ?? false) || !openWeekdays.has(weekdayOf(day)),
      reason: hours.closedReasons?.get(day) ?? null,
    };
  });
  for (const start of free) {
    if (start < weekFrom || start >= weekTo) continue;
    const day = days.find((d) => d.day === dayInZone(start, timeZone));
    day?.starts.push(start);
  }
  return {
    weekStart,
    days,
    previousWeek: weekStart > firstWeek ? addDays(weekStart, -7) : null,
    nextWeek: weekStart < lastWeek ? addDays(weekStart, 7) : null,
    fullyBooked: firstFree === undefined,
  };
}

/** The first start of this activity customers could book now, or null when none is free. */
export async function nextFreeStart(
  db: Database,
  tenant: Tenant,
  activityId: string,
  now: Date,
  staffId?: string | null,
): Promise<number | null> {
  const week = await loadBookingWeek(
    db,
    tenant,
    activityId,
    { timeZone: tenant.timeZone, staffId },
    now,
  );
  return week.free[0] ?? null;
}

const clampDay = (day: string, first: string, last: string) =>
  day < first ? first : day > last ? last : day;

/**
 * Up to `count` free start times from the day (in `timeZone`) of `around` onwards: what to offer
 * instead when that time was taken meanwhile.
 */
export async function freeStartsAround(
  db: Database,
  tenant: Tenant,
  activityId: string,
  around: number,
  timeZone: string,
  choice: Choice = {},
  count = 8,
): Promise<number[]> {
  if (Number.isNaN(around)) return [];
  const week = await loadBookingWeek(
    db,
    tenant,
    activityId,
    { timeZone, week: dayInZone(around, timeZone), ...choice },
    new Date(),
  );
  const dayStart = zonedInstant(dayInZone(around, timeZone), 0, timeZone);
  return week.free.filter((start) => start >= dayStart).slice(0, count);
}

/**
 * Why a chosen time was refused: another booking took it meanwhile (`slotTaken`), or it is no
 * longer offered at all (`slotGone`: its notice passed while the form was filled in, the hours
 * or the service changed).
 */
export async function refusalReason(
  db: Database,
  tenant: Tenant,
  activityId: string,
  start: number,
  now: Date,
  choice: Choice = {},
): Promise<"slotTaken" | "slotGone"> {
  try {
    const context = await loadBookingContext(db, tenant, activityId);
    // A class's session still there (full now) was taken; other times, as the engine says.
    if (context.activity.capacity > 1) {
      const { slots } = await findSlots(
        db,
        tenant,
        activityId,
        { from: start, to: start + 1 },
        now,
        choice,
      );
      return slots.length ? "slotTaken" : "slotGone";
    }
    const offers = offersAt(context, chosenStaff(context, choice), tenant, start, now);
    return offers.length ? "slotTaken" : "slotGone";
  } catch (error) {
    // The service or the staff member chosen is gone.
    if (error instanceof AppError && ["NOT_FOUND", "VALIDATION_ERROR"].includes(error.code)) {
      return "slotGone";
    }
    throw error;
  }
}
