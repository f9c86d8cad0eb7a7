import { defused, localizedCsv, spreadsheetNumber } from "@/lib/csv/spreadsheet";
import { fromMinorUnits } from "@/lib/i18n/money";
import { rates, type Statistics, type Totals } from "./statistics";

export const statisticsTables = ["series", "heat", "services", "staff", "totals"] as const;
export type StatisticsTable = (typeof statisticsTables)[number];

/** A cell: text, a count, a share (0–1), or an amount in minor units. */
export type Cell = { text: string } | { count: number } | { share: number } | { money: number };

export interface Table {
  columns: string[];
  rows: Cell[][];
}

export type TableLabels = Record<
  | "period"
  | "bookings"
  | "cancelled"
  | "noShows"
  | "revenue"
  | "weekday"
  | "service"
  | "staff"
  | "measure"
  | "current"
  | "previous"
  | "cancellationRate"
  | "noShowRate",
  string
> & { weekdays: string[] };

/** The hours a heat map shows: those with bookings, and at least 08:00 to 18:00. */
export function heatHours(heat: Statistics["heat"]): number[] {
  const busy = heat.filter((h) => h.bookings > 0).map((h) => h.hour);
  const first = Math.min(8, ...busy);
  const last = Math.max(18, ...busy);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Bookings starting on a weekday (1 Monday … 7 Sunday) at an hour; 0 where none. */
export function heatCount(heat: Statistics["heat"]) {
  const counts = new Map(heat.map((h) => [`${h.weekday}:${h.hour}`, h.bookings]));
  return (weekday: number, hour: number) => counts.get(`${weekday}:${hour}`) ?? 0;
}

const figures = (t: Totals): Cell[] => [
  { count: t.bookings },
  { count: t.cancelled },
  { count: t.noShows },
  { money: t.revenueMinor },
];

/**
 * Each chart's data as a table: what the page shows beside its chart (for screen readers, and
 * anyone who wants the numbers) and what its CSV export holds. One definition for both.
 */
export function tableOf(stats: Statistics, table: StatisticsTable, labels: TableLabels): Table {
  const head = [labels.bookings, labels.cancelled, labels.noShows, labels.revenue];
  switch (table) {
    case "series":
      return {
        columns: [labels.period, ...head],
        rows: stats.series.map((s) => [{ text: s.start }, ...figures(s)]),
      };
    case "heat": {
      const hours = heatHours(stats.heat);
      const count = heatCount(stats.heat);
      return {
        columns: [labels.weekday, ...hours.map((h) => `${String(h).padStart(2, "0")}:00`)],
        rows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => [
          { text: labels.weekdays[weekday - 1] ?? String(weekday) },
          ...hours.map((hour) => ({ count: count(weekday, hour) })),
        ]),
      };
    }
    case "services":
    case "staff":
      return {
        columns: [table === "services" ? labels.service : labels.staff, ...head],
        rows: (table === "services" ? stats.byService : stats.byStaff).map((b) => [
          { text: b.name },
          ...figures(b),
        ]),
      };
    case "totals": {
      const [now, before] = [stats.totals, stats.previous.totals];
      const line = (label: string, a: Cell, b: Cell): Cell[] => [{ text: label }, a, b];
      return {
        columns: [labels.measure, labels.current, labels.previous],
        rows: [
          line(labels.bookings, { count: now.bookings }, { count: before.bookings }),
          line(labels.cancelled, { count: now.cancelled }, { count: before.cancelled }),
          line(labels.noShows, { count: now.noShows }, { count: before.noShows }),
          line(
            labels.cancellationRate,
            { share: rates(now).cancellation },
            { share: rates(before).cancellation },
          ),
          line(labels.noShowRate, { share: rates(now).noShow }, { share: rates(before).noShow }),
          line(labels.revenue, { money: now.revenueMinor }, { money: before.revenueMinor }),
        ],
      };
    }
  }
}

/**
 * A table as CSV: plain numbers (shares as fractions, amounts in major units), `;` and a byte
 * order mark in French, as French spreadsheets open them.
 */
export function tableCsv(table: Table, currency: string, locale: "fr" | "en"): string {
  const french = locale === "fr";
  const number = (n: number) => spreadsheetNumber(n, french);
  const value = (cell: Cell) =>
    "text" in cell
      ? defused(cell.text)
      : "count" in cell
        ? String(cell.count)
        : "share" in cell
          ? number(Math.round(cell.share * 10_000) / 10_000)
          : number(fromMinorUnits(cell.money, currency));
  return localizedCsv([table.columns, ...table.rows.map((row) => row.map(value))], french);
}
