import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { queryArb, windowArb } from "@/tests/helpers/slot-arbitraries";
import { dayInZone, weekdayOf, zonedInstant } from "./calendar-day";
import { computeSlots, type SlotQuery } from "./compute-slots";
import type { OpeningHours } from "./opening-windows";
import { computeTeamSlots, freeAt, type StaffTimeline } from "./team-slots";

const MIN = 60_000;

/**
 * A team of one to four staff members around a query: each works the query's own hours (the very
 * same object, as staff on the business's hours do) or a week of their own with a day off, and
 * has their own busy time.
 */
const timelinesOf = (q: SlotQuery, prefix: string) =>
  fc
    .array(
      fc.record({
        own: fc.option(fc.array(windowArb, { maxLength: 6 }), { nil: null }),
        dayOff: fc.integer({ min: 0, max: 20 }),
        busy: fc.array(
          fc.record({
            offset: fc.integer({ min: -1440, max: 21 * 1440 }),
            length: fc.integer({ min: 1, max: 600 }),
          }),
          { maxLength: 20 },
        ),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((members) => {
      const shared: OpeningHours = {
        timeZone: q.timeZone,
        weekly: q.weekly,
        closedDays: q.closedDays,
      };
      return members.map<StaffTimeline>((m, i) => ({
        id: `${prefix}-${i}`,
        hours: m.own
          ? {
              timeZone: q.timeZone,
              weekly: m.own,
              closedDays: [...q.closedDays, dayInZone(q.from + m.dayOff * 1440 * MIN, q.timeZone)],
            }
          : shared,
        busy: m.busy.map((b) => ({
          start: q.from + b.offset * MIN,
          end: q.from + (b.offset + b.length) * MIN,
        })),
      }));
    });

const teamArb = queryArb.chain((q) => timelinesOf(q, "staff").map((staff) => ({ q, staff })));

/** A team and the rooms of the kind its activity needs, each with hours and busy time of its own. */
const teamAndRoomsArb = queryArb.chain((q) =>
  fc
    .tuple(timelinesOf(q, "staff"), timelinesOf(q, "room"))
    .map(([staff, resources]) => ({ q, staff, resources })),
);

/**
 * Whether `member` is free for a slot at `start`, worked out from first principles (but for the
 * grid, which steps from each window's own opening).
 */
function freeFromScratch(q: SlotQuery, member: StaffTimeline, start: number): boolean {
  const r = q.rules;
  const day = dayInZone(start, q.timeZone);
  const closed = [...member.hours.closedDays];
  const fits =
    !closed.includes(day) &&
    member.hours.weekly.some(
      (w) =>
        w.dayOfWeek === weekdayOf(day) &&
        zonedInstant(day, w.startMinute, q.timeZone) <= start &&
        start + r.durationMinutes * MIN <= zonedInstant(day, w.endMinute, q.timeZone),
    );
  const from = start - r.bufferBeforeMinutes * MIN;
  const to = start + (r.durationMinutes + r.bufferAfterMinutes) * MIN;
  const overlaps = member.busy.some((b) => b.start < to && from < b.end);
  const tooSoon = start < q.now + r.minimumNoticeMinutes * MIN;
  const tooFar = start > q.now + r.maxAdvanceDays * 1440 * MIN;
  return fits && !overlaps && !tooSoon && !tooFar;
}

describe("computeTeamSlots properties", () => {
  it("offers a time as 'any' exactly when at least one staff member is free for it", () => {
    fc.assert(
      fc.property(teamArb, ({ q, staff }) => {
        const team = computeTeamSlots({ ...q, staff });
        const own = staff.map((m) => computeSlots({ ...q, ...m.hours, busy: m.busy }));
        // The starts are every start anyone offers, sorted and unique.
        const everyStart = [...new Set(own.flat().map((s) => s.start))].sort((a, b) => a - b);
        expect(team.map((s) => s.start)).toEqual(everyStart);
        for (const slot of team) {
          // Free: their own slots offer this start (on their grid) and nothing forbids it.
          const free = staff.filter(
            (m, i) =>
              own[i]?.some((s) => s.start === slot.start) && freeFromScratch(q, m, slot.start),
          );
          expect(slot.available).toBe(free.length > 0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("names, in order, exactly the staff members free at a start", () => {
    fc.assert(
      fc.property(teamArb, ({ q, staff }) => {
        const own = staff.map((m) => computeSlots({ ...q, ...m.hours, busy: m.busy }));
        for (const slot of computeTeamSlots({ ...q, staff }).slice(0, 20)) {
          const free = freeAt({ rules: q.rules, now: q.now }, staff, slot.start);
          expect(free).toEqual(
            staff
              .filter(
                (m, i) =>
                  own[i]?.some((s) => s.start === slot.start) && freeFromScratch(q, m, slot.start),
              )
              .map((m) => m.id),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it("with a resource needed, offers a time when someone and a resource are both free for it", () => {
    fc.assert(
      fc.property(teamAndRoomsArb, ({ q, staff, resources }) => {
        const slots = computeTeamSlots({ ...q, staff, resources });
        const startsOf = (m: StaffTimeline) =>
          new Set(computeSlots({ ...q, ...m.hours, busy: m.busy }).map((s) => s.start));
        const staffStarts = staff.map(startsOf);
        const roomStarts = resources.map(startsOf);
        const any = (list: StaffTimeline[], starts: Set<number>[], start: number) =>
          list.some((m, i) => starts[i]?.has(start) && freeFromScratch(q, m, start));
        // A start someone offers and some resource's hours allow too, and no other.
        const rooms = new Set(roomStarts.flatMap((set) => [...set]));
        expect(slots.map((s) => s.start)).toEqual(
          [...new Set(staffStarts.flatMap((set) => [...set]))]
            .filter((start) => rooms.has(start))
            .sort((a, b) => a - b),
        );
        for (const slot of slots) {
          expect(slot.available).toBe(
            any(staff, staffStarts, slot.start) && any(resources, roomStarts, slot.start),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it("answers one staff member's slots as computeSlots does", () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const member = { id: "only", hours: q, busy: q.busy };
        expect(computeTeamSlots({ ...q, staff: [member] })).toEqual(computeSlots(q));
      }),
      { numRuns: 100 },
    );
  });
});
