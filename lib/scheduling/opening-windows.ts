import { addDays, dayInZone, daysBetween, weekdayOf, zonedInstant } from "./calendar-day";

/** Opening hours: a window of wall-clock minutes on a weekday (0 = Sunday). */
export interface WeeklyWindow {
  dayOfWeek: number;
  startMinute: number;
  endMinute: number;
}

/** A half-open interval of instants, in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

export interface OpeningHours {
  timeZone: string;
  weekly: readonly WeeklyWindow[];
  /** Days ("YYYY-MM-DD" in the time zone) on which the business is closed all day. */
  closedDays: ReadonlySet<string> | readonly string[];
  /** Why, by day, for the pages that show a closed day; the slot engine does not read it. */
  closedReasons?: ReadonlyMap<string, string | null>;
}

/**
 * The opening windows, as instants, of every day that touches [from, to), in order. A window
 * keeps its wall-clock times on both sides of a DST change, so its real length may differ.
 */
export function openingWindows(hours: OpeningHours, from: number, to: number): Interval[] {
  const closed = hours.closedDays instanceof Set ? hours.closedDays : new Set(hours.closedDays);
  const byWeekday: WeeklyWindow[][] = [[], [], [], [], [], [], []];
  for (const w of hours.weekly) byWeekday[w.dayOfWeek]?.push(w);
  for (const list of byWeekday) list.sort((a, b) => a.startMinute - b.startMinute);

  const windows: Interval[] = [];
  // One day of margin on each side: a day's windows may start before `from`'s local day begins.
  const first = addDays(dayInZone(from, hours.timeZone), -1);
  const last = addDays(dayInZone(to, hours.timeZone), 1);
  for (const day of daysBetween(first, last)) {
    if (closed.has(day)) continue;
    for (const w of byWeekday[weekdayOf(day)] ?? []) {
      const start = zonedInstant(day, w.startMinute, hours.timeZone);
      const end = zonedInstant(day, w.endMinute, hours.timeZone);
      if (end > start && end > from && start < to) windows.push({ start, end });
    }
  }
  return windows.sort((a, b) => a.start - b.start);
}
