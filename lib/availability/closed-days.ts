import { addDays, isCalendarDay } from "@/lib/scheduling/calendar-day";

export interface ClosedDay {
  date: string;
  reason: string;
}

/** The longest range of closed days added in one step. */
export const MAX_CLOSED_RANGE_DAYS = 366;

export type ClosedRangeProblem = "invalid" | "inverted" | "tooLong";

/**
 * The closed days with every day from `from` to `to` (inclusive; `to` empty for one day) added
 * with this reason, sorted by date; a day already listed keeps its entry. Closed days stay one
 * row per day (as the API takes them), so a holiday is a range in the editor only.
 */
export function addClosedRange(
  days: readonly ClosedDay[],
  range: { from: string; to?: string; reason: string },
): { days: ClosedDay[] } | { problem: ClosedRangeProblem } {
  const to = range.to || range.from;
  if (!isCalendarDay(range.from) || !isCalendarDay(to)) return { problem: "invalid" };
  if (to < range.from) return { problem: "inverted" };
  const listed = new Set(days.map((d) => d.date));
  const added: ClosedDay[] = [];
  for (let day = range.from; day <= to; day = addDays(day, 1)) {
    if (added.length >= MAX_CLOSED_RANGE_DAYS) return { problem: "tooLong" };
    if (!listed.has(day)) added.push({ date: day, reason: range.reason.trim() });
  }
  return { days: sortClosedDays([...days, ...added]) };
}

/** By date; rows still being typed (no valid date yet) last, in their order. */
export const sortClosedDays = (days: readonly ClosedDay[]) =>
  [...days].sort((a, b) => {
    const [x, y] = [isCalendarDay(a.date), isCalendarDay(b.date)];
    if (x !== y) return x ? -1 : 1;
    return x ? a.date.localeCompare(b.date) : 0;
  });
