import fc from "fast-check";
import { dayInZone } from "@/lib/scheduling/calendar-day";
import type { SlotQuery } from "@/lib/scheduling/compute-slots";

// fast-check arbitraries of slot queries, shared by the engine's property tests.

const MIN = 60_000;

export const zones = [
  "Europe/Paris",
  "America/New_York",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Asia/Kolkata",
  "America/St_Johns",
  "America/Sao_Paulo",
  "UTC",
];

export const windowArb = fc
  .record({
    dayOfWeek: fc.integer({ min: 0, max: 6 }),
    startMinute: fc.integer({ min: 0, max: 1430 }),
    length: fc.integer({ min: 5, max: 720 }),
  })
  .map(({ dayOfWeek, startMinute, length }) => ({
    dayOfWeek,
    startMinute,
    endMinute: Math.min(1440, startMinute + length),
  }));

export const queryArb = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    weekly: fc.array(windowArb, { maxLength: 10 }),
    from: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 1) }),
    spanHours: fc.integer({ min: 1, max: 24 * 21 }),
    closedOffsets: fc.uniqueArray(fc.integer({ min: -1, max: 22 }), { maxLength: 6 }),
    rules: fc.record({
      durationMinutes: fc.integer({ min: 5, max: 240 }),
      bufferBeforeMinutes: fc.integer({ min: 0, max: 60 }),
      bufferAfterMinutes: fc.integer({ min: 0, max: 60 }),
      minimumNoticeMinutes: fc.integer({ min: 0, max: 3000 }),
      maxAdvanceDays: fc.integer({ min: 0, max: 30 }),
      intervalMinutes: fc.constantFrom(5, 10, 15, 20, 30, 60),
    }),
    busy: fc.array(
      fc.record({
        offset: fc.integer({ min: -1440, max: 30 * 1440 }),
        length: fc.integer({ min: 1, max: 600 }),
      }),
      { maxLength: 30 },
    ),
    nowOffset: fc.integer({ min: -5 * 1440, max: 10 * 1440 }),
  })
  .map((r): SlotQuery => {
    const to = r.from + r.spanHours * 60 * MIN;
    const firstDay = dayInZone(r.from, r.timeZone);
    const closedDays = r.closedOffsets.map((o) =>
      dayInZone(Date.parse(`${firstDay}T12:00:00Z`) + o * 86_400_000, "UTC"),
    );
    return {
      timeZone: r.timeZone,
      weekly: r.weekly,
      closedDays,
      from: r.from,
      to,
      rules: r.rules,
      busy: r.busy.map((b) => ({
        start: r.from + b.offset * MIN,
        end: r.from + (b.offset + b.length) * MIN,
      })),
      now: r.from + r.nowOffset * MIN,
    };
  });
