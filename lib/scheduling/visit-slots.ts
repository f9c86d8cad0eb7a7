import { MINUTE_MS } from "./durations";
import type { Interval } from "./opening-windows";

/** One timeline (a staff member at a place, a resource) as a visit reads it. */
export interface VisitTimeline {
  id: string;
  /** Its opening windows, sorted. */
  windows: readonly Interval[];
  /** The time its bookings hold: disjoint and sorted (see mergeIntervals). */
  busy: readonly Interval[];
}

/** One service of a visit: its length and buffers, who can perform it and what it needs. */
export interface VisitItem {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  staff: readonly VisitTimeline[];
  /** Undefined: it needs no resource. */
  resources?: readonly VisitTimeline[];
}

/** Who (and with what) performs each service of a visit. */
export interface VisitPart {
  start: number;
  staffId: string;
  resourceId: string | null;
  blockedFrom: number;
  blockedUntil: number;
}

/** The index of the first interval ending after `at` (intervals sorted by start and end). */
function firstEndingAfter(list: readonly Interval[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Interval).end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether [start, end) lies inside one window and [from, until) overlaps none of its busy time. */
function fitsFree(t: VisitTimeline, start: number, end: number, from: number, until: number) {
  const w = t.windows[firstEndingAfter(t.windows, start)];
  if (!w || w.start > start || w.end < end) return false;
  const b = t.busy[firstEndingAfter(t.busy, from)];
  return !b || b.start >= until;
}

const overlaps = (a: { blockedFrom: number; blockedUntil: number }, from: number, until: number) =>
  a.blockedFrom < until && from < a.blockedUntil;

/**
 * The services of a visit back to back from `start` (each starting when the one before ends), each
 * with someone free for it in order (and a free resource when it needs one), nobody or nothing
 * twice at overlapping times; null when no such assignment exists. Earlier people in each list
 * are preferred.
 */
export function assignVisit(items: readonly VisitItem[], start: number): VisitPart[] | null {
  const parts: VisitPart[] = [];
  const place = (i: number, at: number): boolean => {
    const item = items[i];
    if (!item) return true;
    const end = at + item.durationMinutes * MINUTE_MS;
    const blockedFrom = at - item.bufferBeforeMinutes * MINUTE_MS;
    const blockedUntil = end + item.bufferAfterMinutes * MINUTE_MS;
    const taken = (id: string) =>
      parts.some(
        (p) => (p.staffId === id || p.resourceId === id) && overlaps(p, blockedFrom, blockedUntil),
      );
    for (const person of item.staff) {
      if (taken(person.id) || !fitsFree(person, at, end, blockedFrom, blockedUntil)) continue;
      for (const resource of item.resources ?? [null]) {
        if (
          resource &&
          (taken(resource.id) || !fitsFree(resource, at, end, blockedFrom, blockedUntil))
        ) {
          continue;
        }
        parts.push({
          start: at,
          staffId: person.id,
          resourceId: resource?.id ?? null,
          blockedFrom,
          blockedUntil,
        });
        if (place(i + 1, end)) return true;
        parts.pop();
      }
    }
    return false;
  };
  return place(0, start) ? parts : null;
}
