import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { addDays, isCalendarDay, zonedInstant } from "@/lib/scheduling/calendar-day";
import { DAY_MS } from "@/lib/scheduling/durations";
import { dateTimeSchema, toInstant } from "./date-time";

export const MAX_RANGE_DAYS = 92;

/** A plain date (a day in the tenant's zone) or an ISO 8601 date-time. */
const dateOrInstant = z
  .string()
  .trim()
  .refine((v) => isCalendarDay(v) || dateTimeSchema.safeParse(v).success, "dateOrDateTime");

export const dateRangeQuerySchema = z.object({
  startDate: dateOrInstant,
  endDate: dateOrInstant,
});

export interface DateRange {
  from: number;
  to: number;
}

/**
 * [from, to) in epoch milliseconds: a plain startDate starts at the day's local midnight, a plain
 * endDate includes the whole day. Refuses an end before the start and ranges over `maxDays`.
 */
export function toDateRange(
  query: { startDate: string; endDate: string },
  timeZone: string,
  { maxDays = MAX_RANGE_DAYS }: { maxDays?: number } = {},
): DateRange {
  const from = isCalendarDay(query.startDate)
    ? zonedInstant(query.startDate, 0, timeZone)
    : toInstant(query.startDate, timeZone);
  const to = isCalendarDay(query.endDate)
    ? zonedInstant(addDays(query.endDate, 1), 0, timeZone)
    : toInstant(query.endDate, timeZone);
  if (to <= from) throw new AppError("VALIDATION_ERROR", { endDate: { text: "afterStartDate" } });
  // An hour of slack for a DST change inside a range of whole days.
  if (to - from > maxDays * DAY_MS + 3_600_000) {
    throw new AppError("VALIDATION_ERROR", {
      endDate: { text: "rangeTooLong", values: { days: maxDays } },
    });
  }
  return { from, to };
}
