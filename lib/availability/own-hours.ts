import type { PlacedWindow } from "@/db/enums";
import { formatClockTime, parseClockTime } from "@/lib/scheduling/clock-time";
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
