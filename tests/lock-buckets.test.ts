import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lockBuckets } from "@/lib/booking/time-locks";

const range = fc
  .record({
    from: fc.integer({ min: 1.7e12, max: 1.9e12 }),
    minutes: fc.integer({ min: 1, max: 2000 }),
  })
  .map(({ from, minutes }) => ({ from, until: from + minutes * 60_000 }));

describe("lockBuckets", () => {
  it("gives two overlapping ranges at least one bucket in common, so their bookings take turns", () => {
    fc.assert(
      fc.property(range, range, (a, b) => {
        fc.pre(a.from < b.until && b.from < a.until);
        const [a1, a2] = lockBuckets(a.from, a.until);
        const [b1, b2] = lockBuckets(b.from, b.until);
        expect(a1 <= b2 && b1 <= a2).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("does not lock the bucket a range only touches at its end", () => {
    const quarter = 15 * 60_000;
    expect(lockBuckets(10 * quarter, 12 * quarter)).toEqual([10, 11]);
  });
});
