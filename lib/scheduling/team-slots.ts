import { candidateStarts, markFree, type Slot, type SlotRules } from "./compute-slots";
import type { Interval, OpeningHours } from "./opening-windows";

/**
 * One timeline (a staff member's, a resource's): its hours and the time its bookings already hold.
 */
export interface StaffTimeline {
  id: string;
  hours: OpeningHours;
  busy: readonly Interval[];
}

export interface TeamSlotQuery {
  from: number;
  to: number;
  rules: SlotRules;
  now: number;
  /** The staff members who perform the activity (or the one chosen). */
  staff: readonly StaffTimeline[];
  /** When the activity needs a resource too: those of its kind, at the same place as the staff. */
  resources?: readonly StaffTimeline[];
}

/** Starts and, for each, whether someone is free then. */
interface Marked {
  starts: number[];
  available: Uint8Array;
}

/**
 * The starts of each distinct hours object, marked free when any of the staff members working
 * those hours is free then. Staff who work the business's own hours share one object, so one list.
 */
function markedByHours(
  query: Omit<TeamSlotQuery, "staff">,
  members: readonly StaffTimeline[],
): Marked[] {
  const groups = new Map<OpeningHours, Marked>();
  for (const member of members) {
    let group = groups.get(member.hours);
    if (!group) {
      const starts = candidateStarts(member.hours, query);
      group = { starts, available: new Uint8Array(starts.length) };
      groups.set(member.hours, group);
    }
    markFree(
      group.starts,
      { rules: query.rules, busy: member.busy, now: query.now },
      group.available,
    );
  }
  return [...groups.values()];
}

/** Marked lists of sorted, unique starts as one, a start free when free in any of them. */
function union(lists: readonly Marked[]): Marked {
  const [first, ...rest] = lists;
  if (!first) return { starts: [], available: new Uint8Array(0) };
  let starts = first.starts;
  for (const list of rest) {
    const merged: number[] = [];
    let i = 0;
    let j = 0;
    while (i < starts.length || j < list.starts.length) {
      const x = starts[i];
      const y = list.starts[j];
      if (y === undefined || (x !== undefined && x < y)) {
        merged.push(x as number);
        i++;
      } else {
        if (x === y) i++;
        merged.push(y);
        j++;
      }
    }
    starts = merged;
  }
  const available = new Uint8Array(starts.length);
  for (const list of lists) {
    let j = 0;
    list.starts.forEach((start, i) => {
      while (starts[j] !== start) j++;
      if (list.available[i]) available[j] = 1;
    });
  }
  return { starts, available };
}

/** The starts of both sorted lists, free when free in both. */
function intersection(a: Marked, b: Marked): Marked {
  const starts: number[] = [];
  const free: number[] = [];
  let j = 0;
  a.starts.forEach((start, i) => {
    while ((b.starts[j] ?? Number.POSITIVE_INFINITY) < start) j++;
    if (b.starts[j] !== start) return;
    starts.push(start);
    free.push(a.available[i] === 1 && b.available[j] === 1 ? 1 : 0);
  });
  return { starts, available: Uint8Array.from(free) };
}

/**
 * The slots of an activity performed by any of several staff members ("no preference"): every
 * start some of them offer, available when at least one of them is free for it, and, when it
 * needs a resource, one of those is free too. Who or what is free is not part of the answer, so
 * the slots never tell who is busy with whom.
 */
export function computeTeamSlots(query: TeamSlotQuery): Slot[] {
  let marked = union(markedByHours(query, query.staff));
  if (query.resources) {
    marked = intersection(marked, union(markedByHours(query, query.resources)));
  }
  const { starts, available } = marked;
  return starts.map((start, i) => ({ start, available: available[i] === 1 }));
}

/** The timelines (staff or resources, in the order given) that the slots would offer `start` on. */
export function freeAt(
  query: Omit<TeamSlotQuery, "from" | "to" | "staff">,
  timelines: readonly StaffTimeline[],
  start: number,
): string[] {
  const at = { ...query, from: start, to: start + 1 };
  return timelines
    .filter((member) => {
      const [marked] = markedByHours(at, [member]);
      return marked?.starts[0] === start && marked.available[0] === 1;
    })
    .map((member) => member.id);
}
