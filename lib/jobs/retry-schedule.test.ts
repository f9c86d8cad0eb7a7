import { describe, expect, it } from "vitest";
import { RetrySchedule } from "./retry-schedule";

describe("RetrySchedule", () => {
  const now = new Date("2030-01-01T00:00:00Z");
  const minutes = (date: Date | null) => (date ? (date.getTime() - now.getTime()) / 60_000 : null);

  it("waits each wait in turn, then gives up", () => {
    const schedule = new RetrySchedule([60_000, 5 * 60_000]);
    expect(schedule.maxAttempts).toBe(3);
    expect(minutes(schedule.next(1, now))).toBe(1);
    expect(minutes(schedule.next(2, now))).toBe(5);
    expect(schedule.next(3, now)).toBeNull();
    expect(schedule.exhausted(2)).toBe(false);
    expect(schedule.exhausted(3)).toBe(true);
  });

  it("waits longer when asked (Retry-After), but never past its longest wait", () => {
    const schedule = new RetrySchedule([60_000, 60_000], 10 * 60_000);
    expect(minutes(schedule.next(1, now, 3 * 60_000))).toBe(3);
    expect(minutes(schedule.next(1, now, 60 * 60_000))).toBe(10);
  });
});
