import { describe, expect, it } from "vitest";
import { zoneCity } from "./format";
import { isTimeZone, timeZoneOptions } from "./time-zones";

describe("time-zone names", () => {
  const options = timeZoneOptions(new Date("2026-12-08T12:00:00Z"));
  const found = (typed: string) =>
    options.filter((o) => o.label.toLowerCase().includes(typed.toLowerCase())).map((o) => o.value);

  it("names Montréal as people know it, finds it with or without accents, and keeps Toronto", () => {
    expect(isTimeZone("America/Montreal")).toBe(true);
    expect(zoneCity("America/Montreal")).toBe("Montréal");
    expect(zoneCity("America/Toronto")).toBe("Toronto");
    expect(found("Montréal")).toEqual(["America/Montreal"]);
    expect(found("Montreal")).toEqual(["America/Montreal"]);
    expect(found("Toronto")).toEqual(["America/Toronto"]);
    expect(options.find((o) => o.value === "America/Montreal")?.label).toMatch(
      /^Montréal, Québec, Laval, Gatineau \(America\) · UTC-05:00 · Montreal/,
    );
  });

  it("finds a zone by its main cities", () => {
    expect(found("Lyon")).toEqual(["Europe/Paris"]);
    expect(found("Genève")).toEqual(["Europe/Zurich"]);
    expect(found("Geneve")).toEqual(["Europe/Zurich"]);
  });
});
