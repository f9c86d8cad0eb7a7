import { MINUTE_MS } from "./durations";
import { type Interval, type OpeningHours, openingWindows } from "./opening-windows";

export interface SlotRules {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  maxAdvanceDays: number;
  /** Starts step by this many minutes from the opening of each window. */
  intervalMinutes: number;
}

export interface SlotQuery extends OpeningHours {
  /** The half-open range [from, to) of slot starts wanted, in epoch milliseconds. */
  from: number;
  to: number;
  rules: SlotRules;
  /** Time already held, each interval already widened by its own booking's buffers. */
  busy: readonly Interval[];
  now: number;
}

export interface Slot {
  start: number;
  available: boolean;
}

/** Sorted, overlapping or touching intervals merged into disjoint ones. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start);
  // Busy time usually comes sorted already.
  if (sorted.some((x, i) => i > 0 && x.start < (sorted[i - 1] as Interval).start)) {
    sorted.sort((a, b) => a.start - b.start);
  }
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}

/**
 * Every start time in [from, to) at which the whole activity fits inside one opening window,
 * sorted and unique. A slot is available unless it (widened by the activity's buffers) overlaps
 * busy time, starts before now + the minimum notice, or after the booking horizon.
 */
export function computeSlots(query: SlotQuery): Slot[] {
  return markAvailable(candidateStarts(query, query), query);
}

/** Every start in [from, to) on the grid at which the activity fits inside an opening window. */
export function candidateStarts(
  hours: OpeningHours,
  query: Pick<SlotQuery, "from" | "to" | "rules">,
): number[] {
  const duration = query.rules.durationMinutes * MINUTE_MS;
  const step = Math.max(1, query.rules.intervalMinutes) * MINUTE_MS;
  const starts: number[] = [];
  for (const window of openingWindows(hours, query.from, query.to)) {
    for (let start = window.start; start + duration <= window.end; start += step) {
      if (start >= query.from && start < query.to) starts.push(start);
    }
  }
  starts.sort((a, b) => a - b);
  return starts.filter((start, i) => start !== starts[i - 1]);
}

/** Sorted, unique starts as slots: available unless busy, too soon or beyond the horizon. */
export function markAvailable(
  starts: readonly number[],
  query: Pick<SlotQuery, "rules" | "busy" | "now">,
): Slot[] {
  const available = new Uint8Array(starts.length);
  markFree(starts, query, available);
  return starts.map((start, i) => ({ start, available: available[i] === 1 }));
}

/**
 * Sets `available[i]` to 1 for each of the sorted, unique starts that is free of busy time, not too
 * soon and within the horizon (and leaves the others as they are, so that several calendars can
 * mark one list).
 */
export function markFree(
  starts: readonly number[],
  query: Pick<SlotQuery, "rules" | "busy" | "now">,
  available: Uint8Array,
): void {
  const { rules } = query;
  const duration = rules.durationMinutes * MINUTE_MS;
  const before = rules.bufferBeforeMinutes * MINUTE_MS;
  const after = rules.bufferAfterMinutes * MINUTE_MS;
  const earliest = query.now + rules.minimumNoticeMinutes * MINUTE_MS;
  const latest = query.now + rules.maxAdvanceDays * 1440 * MINUTE_MS;
  const busy = mergeIntervals(query.busy);
  let b = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number;
    if (start < earliest || start > latest) continue;
    const blockFrom = start - before;
    const blockTo = start + duration + after;
    // Busy intervals are disjoint and sorted, and starts increase: skip those ending before.
    while (b < busy.length && (busy[b] as Interval).end <= blockFrom) b++;
    const next = busy[b];
    if (next === undefined || next.start >= blockTo) available[i] = 1;
  }
}

/**
 * The first instant after `now` at which the passing of time alone would change some slot's
 * `available` flag (a slot entering the minimum notice, or the booking horizon reaching one), or
 * Infinity. Slots computed at `now` stay exact until then if nothing else changes.
 */
export function availabilityStableUntil(
  slots: readonly Slot[],
  rules: SlotRules,
  now: number,
): number {
  const notice = rules.minimumNoticeMinutes * MINUTE_MS;
  const horizon = rules.maxAdvanceDays * 1440 * MINUTE_MS;
  let until = Number.POSITIVE_INFINITY;
  for (const { start } of slots) {
    // Too soon once now > start - notice; within the horizon once now >= start - horizon.
    for (const boundary of [start - notice + 1, start - horizon]) {
      if (boundary > now && boundary < until) until = boundary;
    }
  }
  return until;
}
