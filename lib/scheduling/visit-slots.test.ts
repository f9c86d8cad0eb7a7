import { describe, expect, it } from "vitest";
import { assignVisit, type VisitTimeline } from "./visit-slots";

const H = 3_600_000;
const open = (id: string, busy: { start: number; end: number }[] = []): VisitTimeline => ({
  id,
  windows: [{ start: 9 * H, end: 17 * H }],
  busy,
});
const item = (minutes: number, staff: VisitTimeline[], after = 0) => ({
  durationMinutes: minutes,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: after,
  staff,
});

describe("a visit's assignment", () => {
  it("puts the services back to back, each with someone free, the earlier people first", () => {
    const ana = open("ana");
    const ben = open("ben", [{ start: 11 * H, end: 12 * H }]);
    expect(assignVisit([item(60, [ana, ben]), item(90, [ben, ana])], 10 * H)).toEqual([
      {
        start: 10 * H,
        staffId: "ana",
        resourceId: null,
        blockedFrom: 10 * H,
        blockedUntil: 11 * H,
      },
      {
        start: 11 * H,
        staffId: "ana",
        resourceId: null,
        blockedFrom: 11 * H,
        blockedUntil: 12.5 * H,
      },
    ]);
  });

  it("never gives one person two services whose buffered times overlap", () => {
    const ana = open("ana");
    // The first service keeps 15 minutes after it: Ana cannot start the second at its end.
    expect(assignVisit([item(60, [ana], 15), item(30, [ana])], 10 * H)).toBeNull();
    const ben = open("ben");
    expect(
      assignVisit([item(60, [ana], 15), item(30, [ana, ben])], 10 * H)?.map((p) => p.staffId),
    ).toEqual(["ana", "ben"]);
  });

  it("needs every service inside someone's window", () => {
    expect(assignVisit([item(60, [open("ana")]), item(60, [open("ana")])], 16 * H)).toBeNull();
  });
});
