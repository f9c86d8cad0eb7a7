import { describe, expect, it } from "vitest";
import { formatDateTime, formatPrice, formatTime } from "./format";
import { dateTimeFormat, numberFormat } from "./intl-formats";
import { isTimeZone, utcOffset } from "./time-zones";

describe("Intl formatters", () => {
  it("builds one formatter per locale and options, and reuses it", () => {
    const options = { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" } as const;
    expect(dateTimeFormat("fr", options)).toBe(dateTimeFormat("fr", { ...options }));
    expect(dateTimeFormat("fr", options)).not.toBe(dateTimeFormat("en", options));
    expect(dateTimeFormat("fr", options)).not.toBe(
      dateTimeFormat("fr", { ...options, timeZone: "America/Toronto" }),
    );
    expect(numberFormat("fr", { style: "currency", currency: "EUR" })).toBe(
      numberFormat("fr", { style: "currency", currency: "EUR" }),
    );
  });

  it("formats exactly as a new formatter would", () => {
    const instant = Date.UTC(2026, 11, 8, 16, 30);
    expect(formatTime(instant, "Europe/Paris", "fr")).toBe("17:30");
    expect(formatTime(instant, "America/Toronto", "en")).toBe("11:30 AM");
    expect(formatDateTime(instant, "Europe/Paris", "fr")).toBe("mardi 8 décembre 2026 à 17:30");
    expect(formatPrice(4800, "EUR", "fr")).toBe("48,00\u00a0€");
    expect(utcOffset("Asia/Kolkata", new Date(instant))).toBe("UTC+05:30");
  });

  it("still refuses what Intl refuses, and remembers nothing of it", () => {
    expect(() => dateTimeFormat("en", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
    expect(() => dateTimeFormat("en", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("America/Toronto")).toBe(true);
  });
});
