import { type Interval, type OpeningHours, openingWindows } from "./opening-windows";

const MINUTE = 60_000;

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
function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
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
  const { rules } = query;
  const duration = rules.durationMinutes * MINUTE;
  const step = Math.max(1, rules.intervalMinutes) * MINUTE;
  const before = rules.bufferBeforeMinutes * MINUTE;
  const after = rules.bufferAfterMinutes * MINUTE;
  const earliest = query.now + rules.minimumNoticeMinutes * MINUTE;
  const latest = query.now + rules.maxAdvanceDays * 1440 * MINUTE;

  const starts: number[] = [];
  for (const window of openingWindows(query, query.from, query.to)) {
    for (let start = window.start; start + duration <= window.end; start += step) {
      if (start >= query.from && start < query.to) starts.push(start);
    }
  }
  starts.sort((a, b) => a - b);

  const busy = mergeIntervals(query.busy);
  const slots: Slot[] = [];
  let b = 0;
  for (const start of starts) {
    if (start === slots.at(-1)?.start) continue;
    const blockFrom = start - before;
    const blockTo = start + duration + after;
    // Busy intervals are disjoint and sorted, and starts increase: skip those ending before.
    while (b < busy.length && (busy[b] as Interval).end <= blockFrom) b++;
    const next = busy[b];
    const overlaps = next !== undefined && next.start < blockTo;
    slots.push({ start, available: !overlaps && start >= earliest && start <= latest });
  }
  return slots;
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
  const notice = rules.minimumNoticeMinutes * MINUTE;
  const horizon = rules.maxAdvanceDays * 1440 * MINUTE;
  let until = Number.POSITIVE_INFINITY;
  for (const { start } of slots) {
    // Too soon once now > start - notice; within the horizon once now >= start - horizon.
    for (const boundary of [start - notice + 1, start - horizon]) {
      if (boundary > now && boundary < until) until = boundary;
    }
  }
  return until;
}
