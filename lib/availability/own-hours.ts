import type { PlacedWindow } from "@/db/enums";
import { formatClockTime, parseClockTime } from "@/lib/scheduling/clock-time";
import type { OpeningHours } from "@/lib/scheduling/opening-windows";
import type { AvailabilityInput } from "./schema";

/**
 * Hours of one's own, as staff members, resources and locations have them: a week of windows
 * (null: those of whatever they belong to) and days off on top of its closed days.
 */
export interface OwnHours {
  weeklyHours: PlacedWindow[] | null;
  closedDays: { date: string; reason: string | null }[];
}

/** The columns of input hours: windows as [dayOfWeek, startMinute, endMinute], days sorted. */
export function toOwnHoursColumns(input: {
  weeklySlots: (AvailabilityInput["weeklySlots"][number] & { locationId?: string })[] | null;
  exceptions: AvailabilityInput["exceptions"];
}): OwnHours {
  return {
    weeklyHours:
      input.weeklySlots?.map((s): PlacedWindow => {
        const [start, end] = [parseClockTime(s.startTime), parseClockTime(s.endTime)];
        return s.locationId ? [s.dayOfWeek, start, end, s.locationId] : [s.dayOfWeek, start, end];
      }) ?? null,
    closedDays: [...input.exceptions].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/** The API's `weeklySlots` and `exceptions` of stored hours. */
export function toOwnHoursJson(row: OwnHours) {
  return {
    weeklySlots:
      row.weeklyHours?.map(([dayOfWeek, start, end, locationId]) => ({
        dayOfWeek,
        startTime: formatClockTime(start),
        endTime: formatClockTime(end),
        ...(locationId ? { locationId } : {}),
      })) ?? null,
    exceptions: row.closedDays,
  };
}

/**
 * Hours of one's own on top of those of what one belongs to (a location's on the business's, a
 * staff member's or a resource's on their location's): their own week or the other's, its closed
 * days plus their own. Only the other's reasons are kept: why someone is off stays private.
 */
export function ownHours(
  business: OpeningHours,
  weekly: readonly PlacedWindow[] | null,
  daysOff: { date: string }[],
  timeZone = business.timeZone,
): OpeningHours {
  // The very same object for everyone on the business's hours: the engine works them out once.
  if (!weekly && !daysOff.length && timeZone === business.timeZone) return business;
  const closed = new Set(business.closedDays);
  for (const d of daysOff) closed.add(d.date);
  return {
    ...business,
    timeZone,
    weekly: weekly
      ? weekly.map(([dayOfWeek, startMinute, endMinute]) => ({ dayOfWeek, startMinute, endMinute }))
      : business.weekly,
    closedDays: closed,
  };
}

/**
 * Where a staff member works and their week there: their windows grouped by place (a window
 * naming none is at their home location); no week of their own is the home location's hours.
 */
export function placesOfWork(
  home: string,
  weekly: readonly PlacedWindow[] | null,
): [string, [number, number, number][] | null][] {
  if (!weekly) return [[home, null]];
  const byPlace = new Map<string, [number, number, number][]>([[home, []]]);
  for (const [day, start, end, place = home] of weekly) {
    byPlace.set(place, [...(byPlace.get(place) ?? []), [day, start, end]]);
  }
  // The home location without windows there: only when they have none anywhere (no time at all).
  if (byPlace.size > 1 && !byPlace.get(home)?.length) byPlace.delete(home);
  return [...byPlace];
}

/**
 * A staff member's hours at each place they work (that is still there), each in that place's
 * zone and on top of its hours and closed days, with their own days off everywhere.
 */
export function staffHoursByPlace(
  member: {
    locationId: string;
    weeklyHours: readonly PlacedWindow[] | null;
    closedDays: { date: string }[];
  },
  hoursAt: (locationId: string) => OpeningHours | undefined,
): { locationId: string; hours: OpeningHours }[] {
  return placesOfWork(member.locationId, member.weeklyHours).flatMap(([locationId, weekly]) => {
    const place = hoursAt(locationId);
    return place ? [{ locationId, hours: ownHours(place, weekly, member.closedDays) }] : [];
  });
}
