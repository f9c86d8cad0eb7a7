import { createTranslator } from "next-intl";
import { dateTimeFormat } from "@/lib/i18n/intl-formats";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import type { TableLabels } from "./tables";

/** The tables' column texts in the business's language (the page and the CSV files). */
export function tableLabels(locale: Locale): TableLabels {
  const t = createTranslator({
    locale,
    messages: { fr, en }[locale],
    namespace: "admin.statistics.columns",
  });
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    // 2024-01-01 was a Monday.
    dateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(
      new Date(Date.UTC(2024, 0, 1 + i)),
    ),
  );
  const keys = [
    "period",
    "bookings",
    "cancelled",
    "noShows",
    "revenue",
    "weekday",
    "service",
    "staff",
    "measure",
    "current",
    "previous",
    "cancellationRate",
    "noShowRate",
  ] as const;
  return {
    ...(Object.fromEntries(keys.map((k) => [k, t(k)])) as Omit<TableLabels, "weekdays">),
    weekdays,
  };
}
