import { dateTimeFormat, numberFormat } from "./intl-formats";
import type { Locale } from "./locales";
import { fromMinorUnits } from "./money";

// Everything customers read about times and money goes through Intl, in the page's locale and an
// explicit time zone: never the server's zone, never the browser's unless the visitor asked.

export const formatPrice = (minor: number, currency: string, locale: Locale) =>
  numberFormat(locale, { style: "currency", currency }).format(fromMinorUnits(minor, currency));

/** "09:30" in French, "9:30 AM" in English (no leading zero on 12-hour clocks). */
export const formatTime = (instant: number | Date, timeZone: string, locale: Locale) =>
  dateTimeFormat(locale, {
    timeZone,
    hour: locale === "en" ? "numeric" : "2-digit",
    minute: "2-digit",
  }).format(instant);

/** "mardi 24 novembre 2026 à 10:30" / "Tuesday, November 24, 2026 at 10:30 AM". */
export const formatDateTime = (instant: number | Date, timeZone: string, locale: Locale) =>
  dateTimeFormat(locale, {
    timeZone,
    dateStyle: "full",
    timeStyle: "short",
  }).format(instant);

/** A calendar day ("2026-11-24") as its weekday and date, whatever zone it belongs to. */
export const formatDay = (day: string, locale: Locale, style: "short" | "long" = "short"): string =>
  dateTimeFormat(locale, {
    timeZone: "UTC",
    weekday: style,
    day: "numeric",
    month: style,
  }).format(Date.parse(`${day}T12:00:00Z`));

/** A calendar day's short weekday ("mar.", "Tue"). */
export const formatWeekday = (day: string, locale: Locale) =>
  dateTimeFormat(locale, { timeZone: "UTC", weekday: "short" }).format(
    Date.parse(`${day}T12:00:00Z`),
  );

/** "Europe/Paris" → "Paris", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
// The city people know a zone by, where the IANA name's own spelling is not it.
const cityNames: Record<string, string> = {
  "America/Montreal": "Montréal",
  "America/Sao_Paulo": "São Paulo",
  "America/Bogota": "Bogotá",
  "Indian/Reunion": "Réunion",
};

export const zoneCity = (timeZone: string) =>
  cityNames[timeZone] ?? (timeZone.split("/").pop() ?? timeZone).replaceAll("_", " ");

/**
 * "17:00 Montréal": an instant on the clock of the place where it happens, named, for a reader
 * whose own clock (`viewerZone`) is another; null when both are the same.
 */
export const placeTime = (
  instant: number | Date,
  placeZone: string,
  viewerZone: string,
  locale: Locale,
): string | null =>
  placeZone === viewerZone
    ? null
    : `${formatTime(instant, placeZone, locale)} ${zoneCity(placeZone)}`;

export function formatDuration(minutes: number, locale: Locale): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const unit = (value: number, unit: "hour" | "minute") =>
    numberFormat(locale, { style: "unit", unit, unitDisplay: "short" }).format(value);
  if (!hours) return unit(rest, "minute");
  return rest ? `${unit(hours, "hour")} ${unit(rest, "minute")}` : unit(hours, "hour");
}

/** Weekday names by dayOfWeek (0 = Sunday): 2023-01-01 was a Sunday. */
export const weekdayNames = (locale: Locale) =>
  [0, 1, 2, 3, 4, 5, 6].map((d) =>
    dateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(
      Date.UTC(2023, 0, 1 + d, 12),
    ),
  );
