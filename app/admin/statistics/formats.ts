import { formatPrice } from "@/lib/i18n/format";
import { dateTimeFormat, numberFormat } from "@/lib/i18n/intl-formats";
import type { Locale } from "@/lib/i18n/locales";
import type { Cell } from "@/lib/statistics/tables";

/** How the statistics page writes its figures, in the business's language and currency. */
export function statisticsFormats(locale: Locale, currency: string) {
  const money = (minor: number) => formatPrice(minor, currency, locale);
  const count = (n: number) => numberFormat(locale).format(n);
  const wholeMoney = (major: number) =>
    numberFormat(locale, {
      style: "currency",
      currency: currency,
      maximumFractionDigits: 0,
    }).format(major);
  const share = (n: number) =>
    numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(n);
  const shortDay = (day: string) =>
    dateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
      new Date(`${day}T12:00:00Z`),
    );
  const cellText = (cell: Cell) =>
    "text" in cell
      ? cell.text
      : "count" in cell
        ? count(cell.count)
        : "share" in cell
          ? share(cell.share)
          : money(cell.money);
  return { money, count, wholeMoney, share, shortDay, cellText };
}
