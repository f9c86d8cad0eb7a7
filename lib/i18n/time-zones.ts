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

// Zones offered beside the runtime's canonical ones, under the name of the city people look for:
// IANA keeps Montréal as a link to Toronto (same clock since 1970), so a Montréal business would
// otherwise read "Toronto" on every page.
const cityZones = ["America/Montreal"];

// Other cities each zone is searched by (typed in the picker, they find it).
const mainCities: Record<string, string[]> = {
  "Europe/Paris": ["Lyon", "Marseille", "Toulouse", "Nice", "Bordeaux", "Lille", "Nantes"],
  "America/Montreal": ["Québec", "Laval", "Gatineau"],
  "America/Toronto": ["Ottawa"],
  "Europe/Brussels": ["Bruxelles", "Liège", "Anvers"],
  "Europe/Zurich": ["Genève", "Lausanne", "Berne", "Bâle"],
  "America/New_York": ["Boston", "Washington", "Philadelphia", "Miami", "Atlanta"],
  "America/Chicago": ["Houston", "Dallas"],
  "America/Los_Angeles": ["San Francisco", "Seattle"],
  "Africa/Casablanca": ["Rabat", "Marrakech"],
  "Europe/London": ["Manchester", "Edinburgh"],
  "Asia/Kolkata": ["Mumbai", "Delhi", "Bangalore"],
};

// "Montreal" finds "Montréal": the label carries the plain spelling too where it differs.
const plain = (text: string) => text.normalize("NFD").replace(/\p{Diacritic}/gu, "");

/** Every IANA zone the runtime knows, labelled by city, region and current offset, by offset. */
export function timeZoneOptions(now: Date): TimeZoneOption[] {
  const zones = [
    "UTC",
    ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC"),
    ...cityZones,
  ];
  const offsetMinutes = (offset: string) => {
    const [, sign, h, m] = /([+-])(\d\d):(\d\d)/.exec(offset) ?? [];
    return sign ? (sign === "-" ? -1 : 1) * (Number(h) * 60 + Number(m)) : 0;
  };
  return zones
    .map((zone) => {
      const offset = utcOffset(zone, now);
      const region = zone.includes("/") ? zone.split("/")[0] : null;
      const cities = [zoneCity(zone), ...(mainCities[zone] ?? [])].join(", ");
      const plainCities = plain(cities);
      return {
        value: zone,
        label: `${cities}${region ? ` (${region})` : ""} · ${offset}${plainCities === cities ? "" : ` · ${plainCities}`}`,
        order: offsetMinutes(offset),
      };
    })
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
    .map(({ value, label }) => ({ value, label }));
}
