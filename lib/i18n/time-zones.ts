import { zoneCity } from "./format";
import { dateTimeFormat } from "./intl-formats";

/** An IANA zone the runtime knows ("Europe/Paris", or "UTC"), not an abbreviation or offset. */
export function isTimeZone(value: string): boolean {
  try {
    dateTimeFormat("en", { timeZone: value });
    return value.includes("/") || value === "UTC";
  } catch {
    return false;
  }
}

export interface TimeZoneOption {
  /** The IANA name stored and submitted ("Europe/Paris"). */
  value: string;
  /** What the owner searches and reads: "Paris (Europe) · UTC+01:00". */
  label: string;
}

/** "UTC+01:00" for a zone at `now` (its offset changes with daylight saving time). */
export function utcOffset(timeZone: string, now: Date): string {
  const name = dateTimeFormat("en", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(now)
    .find((part) => part.type === "timeZoneName")?.value;
  return !name || name === "GMT" ? "UTC+00:00" : name.replace("GMT", "UTC");
}

/** Every IANA zone the runtime knows, labelled by city, region and current offset, by offset. */
export function timeZoneOptions(now: Date): TimeZoneOption[] {
  const zones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
  const offsetMinutes = (offset: string) => {
    const [, sign, h, m] = /([+-])(\d\d):(\d\d)/.exec(offset) ?? [];
    return sign ? (sign === "-" ? -1 : 1) * (Number(h) * 60 + Number(m)) : 0;
  };
  return zones
    .map((zone) => {
      const offset = utcOffset(zone, now);
      const region = zone.includes("/") ? zone.split("/")[0] : null;
      return {
        value: zone,
        label: `${zoneCity(zone)}${region ? ` (${region})` : ""} · ${offset}`,
        order: offsetMinutes(offset),
      };
    })
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
    .map(({ value, label }) => ({ value, label }));
}
