import { fromZonedTime } from "date-fns-tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { queryArb } from "@/tests/helpers/slot-arbitraries";
import { dayInZone, weekdayOf, zonedInstant } from "./calendar-day";
import {
  availabilityStableUntil,
  computeSlots,
  type SlotQuery,
  type SlotRules,
} from "./compute-slots";
import type { WeeklyWindow } from "./opening-windows";
import { weeklyHoursProblems } from "./weekly-hours";

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const at = (local: string, tz: string) => fromZonedTime(local, tz).getTime();

const rules = (overrides: Partial<SlotRules> = {}): SlotRules => ({
  durationMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 0,
  maxAdvanceDays: 3650,
  intervalMinutes: 60,
  ...overrides,
});

const everyDay = (start: string, end: string): WeeklyWindow[] =>
  [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
    dayOfWeek,
    startMinute: Number(start.slice(0, 2)) * 60 + Number(start.slice(3)),
    endMinute: Number(end.slice(0, 2)) * 60 + Number(end.slice(3)),
  }));

function slotsOn(tz: string, day: string, weekly: WeeklyWindow[], r = rules()) {
  const from = zonedInstant(day, 0, tz);
  const to = zonedInstant(day, 1440, tz);
  return computeSlots({
    timeZone: tz,
    weekly,
    closedDays: [],
    from,
    to,
    rules: r,
    busy: [],
    now: 0,
  });
}

describe("computeSlots across DST changes", () => {
  it.each([
    ["Europe/Paris", "2026-03-28", "2026-03-30", "08:00", "07:00"],
    ["Europe/Paris", "2026-10-24", "2026-10-26", "07:00", "08:00"],
    ["America/New_York", "2026-03-07", "2026-03-09", "14:00", "13:00"],
    ["America/New_York", "2026-10-31", "2026-11-02", "13:00", "14:00"],
  ])(
    "keeps a 09:00 opening at 09:00 local in %s around %s",
    (tz, before, after, utcBefore, utcAfter) => {
      const weekly = everyDay("09:00", "12:00");
      const first = (day: string) => slotsOn(tz, day, weekly)[0]?.start ?? Number.NaN;
      expect(iso(first(before))).toBe(`${before}T${utcBefore}:00.000Z`);
      expect(iso(first(after))).toBe(`${after}T${utcAfter}:00.000Z`);
      expect(slotsOn(tz, before, weekly)).toHaveLength(3);
      expect(slotsOn(tz, after, weekly)).toHaveLength(3);
    },
  );

  it("skips the missing hour of a spring-forward night (Paris, 2026-03-29)", () => {
    const slots = slotsOn("Europe/Paris", "2026-03-29", everyDay("01:00", "05:00"));
    // 01:00 CET, then 03:00 and 04:00 CEST: the window is three real hours long.
    expect(slots.map((s) => iso(s.start))).toEqual([
      "2026-03-29T00:00:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T02:00:00.000Z",
    ]);
  });

  it("offers both occurrences of the repeated hour of a fall-back night (New York, 2026-11-01)", () => {
    const slots = slotsOn("America/New_York", "2026-11-01", everyDay("00:00", "03:00"));
    // 00:00 EDT, 01:00 EDT, 01:00 EST, 02:00 EST: four real hours, four distinct instants.
    expect(slots.map((s) => iso(s.start))).toEqual([
      "2026-11-01T04:00:00.000Z",
      "2026-11-01T05:00:00.000Z",
      "2026-11-01T06:00:00.000Z",
      "2026-11-01T07:00:00.000Z",
    ]);
  });
});

describe("computeSlots rules", () => {
  const tz = "Europe/Paris";
  const day = "2026-06-10";
  const base = (overrides: Partial<SlotQuery> = {}): SlotQuery => ({
    timeZone: tz,
    weekly: everyDay("09:00", "12:00"),
    closedDays: [],
    from: zonedInstant(day, 0, tz),
    to: zonedInstant(day, 1440, tz),
    rules: rules({ intervalMinutes: 15 }),
    busy: [],
    now: zonedInstant(day, 0, tz) - 86_400_000,
    ...overrides,
  });

  it("steps by the interval and keeps the whole activity inside the window", () => {
    const slots = computeSlots(base());
    expect(slots).toHaveLength(9); // 09:00 … 11:00 by 15 minutes
    expect(slots.every((s) => s.available)).toBe(true);
    expect(iso(slots.at(-1)?.start ?? 0)).toBe("2026-06-10T09:00:00.000Z");
  });

  it("closes exception days entirely", () => {
    expect(computeSlots(base({ closedDays: [day] }))).toEqual([]);
  });

  it("widens both the slot and the busy time by their buffers", () => {
    const ten = at(`${day}T10:00:00`, tz);
    // Busy 10:00-10:30 (already widened by its own booking's buffers); ours needs 15 min after.
    const slots = computeSlots(
      base({
        busy: [{ start: ten, end: ten + 30 * MIN }],
        rules: rules({ intervalMinutes: 15, bufferAfterMinutes: 15 }),
      }),
    );
    const available = (local: string) =>
      slots.find((s) => s.start === at(`${day}T${local}:00`, tz))?.available;
    expect(available("08:45")).toBeUndefined(); // before opening
    expect(available("09:00")).toBe(false); // 09:00-10:00 + 15 min after reaches into 10:00
    expect(available("09:15")).toBe(false);
    expect(available("10:30")).toBe(true);
  });

  it("marks slots before the minimum notice and after the horizon unavailable", () => {
    const now = at(`${day}T09:20:00`, tz);
    const slots = computeSlots(
      base({ now, rules: rules({ intervalMinutes: 15, minimumNoticeMinutes: 60 }) }),
    );
    expect(slots.filter((s) => s.available).map((s) => iso(s.start))[0]).toBe(
      "2026-06-10T08:30:00.000Z",
    );
    const far = computeSlots(
      base({ now: now - 400 * 86_400_000, rules: rules({ maxAdvanceDays: 90 }) }),
    );
    expect(far.every((s) => !s.available)).toBe(true);
  });
});

describe("weeklyHoursProblems", () => {
  it("rejects a window that crosses local midnight, an inverted one and overlaps", () => {
    const problems = weeklyHoursProblems([
      { dayOfWeek: 5, startMinute: 22 * 60, endMinute: 2 * 60 },
      { dayOfWeek: 1, startMinute: 9 * 60, endMinute: 17 * 60 },
      { dayOfWeek: 1, startMinute: 10 * 60, endMinute: 11 * 60 },
      { dayOfWeek: 1, startMinute: 12 * 60, endMinute: 13 * 60 },
      { dayOfWeek: 1, startMinute: 17 * 60, endMinute: 18 * 60 },
      { dayOfWeek: 2, startMinute: 10 * 60, endMinute: 10 * 60 },
    ]);
    expect([...problems.keys()].sort()).toEqual([0, 2, 3, 5]);
  });
});

describe("computeSlots properties", () => {
  it("gives sorted, unique starts inside [from, to), each fitting one opening window of an open day", () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const slots = computeSlots(q);
        const duration = q.rules.durationMinutes * MIN;
        for (const [i, slot] of slots.entries()) {
          if (i > 0) expect(slot.start).toBeGreaterThan(slots[i - 1]?.start ?? 0);
          expect(slot.start).toBeGreaterThanOrEqual(q.from);
          expect(slot.start).toBeLessThan(q.to);
          const day = dayInZone(slot.start, q.timeZone);
          expect(q.closedDays).not.toContain(day);
          const fits = q.weekly.some(
            (w) =>
              w.dayOfWeek === weekdayOf(day) &&
              zonedInstant(day, w.startMinute, q.timeZone) <= slot.start &&
              slot.start + duration <= zonedInstant(day, w.endMinute, q.timeZone),
          );
          expect(fits).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is available exactly when no buffered overlap, notice or horizon forbids it", () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const { rules: r } = q;
        for (const slot of computeSlots(q)) {
          const from = slot.start - r.bufferBeforeMinutes * MIN;
          const to = slot.start + (r.durationMinutes + r.bufferAfterMinutes) * MIN;
          const overlaps = q.busy.some((b) => b.start < to && from < b.end);
          const tooSoon = slot.start < q.now + r.minimumNoticeMinutes * MIN;
          const tooFar = slot.start > q.now + r.maxAdvanceDays * 1440 * MIN;
          expect(slot.available).toBe(!overlaps && !tooSoon && !tooFar);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("availabilityStableUntil", () => {
  it("is exactly when the next slot's flag would change with time alone", () => {
    fc.assert(
      fc.property(queryArb, fc.integer({ min: 1, max: 3 * 1440 }), (q, laterMinutes) => {
        const slots = computeSlots(q);
        const until = availabilityStableUntil(slots, q.rules, q.now);
        const later = q.now + laterMinutes * MIN;
        const again = computeSlots({ ...q, now: later });
        const same = again.every((s, i) => s.available === slots[i]?.available);
        if (later < until) expect(same).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("names the instant a free slot enters the minimum notice", () => {
    const start = Date.UTC(2026, 5, 10, 9);
    const slots = [{ start, available: true }];
    const r = rules({ minimumNoticeMinutes: 60, maxAdvanceDays: 30 });
    expect(availabilityStableUntil(slots, r, start - 2 * 3_600_000)).toBe(start - 3_600_000 + 1);
    expect(availabilityStableUntil(slots, r, start - 40 * 86_400_000)).toBe(
      start - 30 * 86_400_000,
    );
  });
});
