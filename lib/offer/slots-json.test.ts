import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlacedSlot } from "./find-slots";
import { slotsBody } from "./slots-json";

const MIN = 60_000;

/** What the contract's body always was: JSON.stringify of one object per slot. */
const reference = (slots: PlacedSlot[], several: boolean) =>
  JSON.stringify({
    slots: slots.map((s) => ({
      dateTime: new Date(s.start).toISOString(),
      available: s.available,
      ...(several && { locationId: s.locationId }),
      ...(s.remaining !== undefined && { remaining: s.remaining }),
    })),
  });

// Whole minutes (as every grid gives) and odd milliseconds, from 1900 to 2200.
const startArb = fc.oneof(
  fc.integer({ min: -36_000_000, max: 120_000_000 }).map((minutes) => minutes * MIN),
  fc.integer({ min: -2_208_988_800_000, max: 7_258_118_400_000 }),
);
const slotArb = fc.record(
  {
    start: startArb,
    available: fc.boolean(),
    locationId: fc.uuid(),
    remaining: fc.nat({ max: 500 }),
  },
  { requiredKeys: ["start", "available", "locationId"] },
);

describe("slotsBody", () => {
  it("writes byte for byte what JSON.stringify of each slot gives", () => {
    fc.assert(
      fc.property(fc.array(slotArb, { maxLength: 60 }), fc.boolean(), (slots, several) => {
        // Consecutive slots of a day share its text: sort some runs as the engine gives them.
        const sorted = slots.toSorted((a, b) => a.start - b.start);
        for (const list of [slots, sorted]) {
          expect(slotsBody(list, several)).toBe(reference(list, several));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("names each day and minute, midnight and the last minute included", () => {
    const day = Date.UTC(2026, 11, 31);
    const slots = [0, 1, 1439, 1440].map((m) => ({
      start: day + m * MIN,
      available: m % 2 === 0,
      locationId: "x",
    }));
    expect(
      JSON.parse(slotsBody(slots, false)).slots.map((s: { dateTime: string }) => s.dateTime),
    ).toEqual([
      "2026-12-31T00:00:00.000Z",
      "2026-12-31T00:01:00.000Z",
      "2026-12-31T23:59:00.000Z",
      "2027-01-01T00:00:00.000Z",
    ]);
  });
});
