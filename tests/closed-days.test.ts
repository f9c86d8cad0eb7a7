import { describe, expect, it } from "vitest";
import { addClosedRange, sortClosedDays } from "@/lib/availability/closed-days";

describe("closed days", () => {
  const listed = [
    { date: "2026-12-31", reason: "New Year's Eve" },
    { date: "2026-12-24", reason: "" },
  ];

  it("adds a holiday as one day each, sorted, keeping days already listed", () => {
    const result = addClosedRange(listed, {
      from: "2026-12-22",
      to: "2026-12-26",
      reason: " Holiday ",
    });
    expect(result).toEqual({
      days: [
        { date: "2026-12-22", reason: "Holiday" },
        { date: "2026-12-23", reason: "Holiday" },
        { date: "2026-12-24", reason: "" },
        { date: "2026-12-25", reason: "Holiday" },
        { date: "2026-12-26", reason: "Holiday" },
        { date: "2026-12-31", reason: "New Year's Eve" },
      ],
    });
  });

  it("adds one day when no end is given, across month and year ends otherwise", () => {
    expect(addClosedRange([], { from: "2027-01-01", reason: "" })).toEqual({
      days: [{ date: "2027-01-01", reason: "" }],
    });
    const span = addClosedRange([], { from: "2026-12-30", to: "2027-01-02", reason: "" });
    expect("days" in span && span.days.map((d) => d.date)).toEqual([
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
    ]);
  });

  it("says what is wrong with a range instead of adding it", () => {
    expect(addClosedRange(listed, { from: "2026-12-26", to: "2026-12-22", reason: "" })).toEqual({
      problem: "inverted",
    });
    expect(addClosedRange(listed, { from: "2026-02-30", reason: "" })).toEqual({
      problem: "invalid",
    });
    expect(addClosedRange([], { from: "2026-01-01", to: "2027-12-31", reason: "" })).toEqual({
      problem: "tooLong",
    });
  });

  it("sorts rows still being typed last", () => {
    expect(sortClosedDays([{ date: "", reason: "x" }, ...listed]).map((d) => d.date)).toEqual([
      "2026-12-24",
      "2026-12-31",
      "",
    ]);
  });
});
