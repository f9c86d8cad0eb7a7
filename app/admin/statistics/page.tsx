import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateRangeForm } from "@/components/admin/date-range-form";
import { DataTable } from "@/components/admin/statistics/data-table";
import { EmptyState } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageCaller } from "@/lib/access/page-caller";
import { getDb } from "@/lib/db";
import { firstParam, hrefWith, type SearchParams } from "@/lib/http/page-params";
import { pageTitle } from "@/lib/i18n/page-title";
import { addDays, dayInZone } from "@/lib/scheduling/calendar-day";
import { tableLabels } from "@/lib/statistics/labels";
import {
  defaultRange,
  rates,
  type StatisticsQuery,
  statistics,
  statisticsQuerySchema,
} from "@/lib/statistics/statistics";
import { type StatisticsTable, tableOf } from "@/lib/statistics/tables";
import { StatisticsCharts } from "./charts-section";
import { statisticsFormats } from "./formats";

export const generateMetadata = pageTitle("admin.nav.statistics");

const card = "rounded-lg border border-slate-200 bg-white p-4";

export default async function StatisticsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { tenant } = await requirePageCaller("manage");
  const query = await searchParams;
  const today = dayInZone(new Date(), tenant.timeZone);
  const asked = statisticsQuerySchema.safeParse({
    from: firstParam(query.from),
    to: firstParam(query.to),
  });
  const invalid = (query.from !== undefined || query.to !== undefined) && !asked.success;
  const range: StatisticsQuery = asked.success ? asked.data : defaultRange(today);
  const [stats, t] = await Promise.all([
    statistics(await getDb(), tenant, range),
    getTranslations("admin.statistics"),
  ]);
  const labels = tableLabels(tenant.locale);
  const locale = tenant.locale;
  const formats = statisticsFormats(locale, tenant.currency);
  const { money, count, share, shortDay, cellText } = formats;
  const table = (name: StatisticsTable) => (
    <DataTable
      table={tableOf(stats, name, labels)}
      caption={t(`tables.${name}`)}
      show={t("showData")}
      csvHref={hrefWith("/admin/statistics/export", { table: name, ...range })}
      csvLabel={t("csv")}
      format={cellText}
    />
  );

  const [now, before] = [stats.totals, stats.previous.totals];
  const change = (a: number, b: number) =>
    b === 0
      ? t("noComparison")
      : t("change", { change: `${a >= b ? "+" : ""}${share((a - b) / b)}` });
  const cards: [string, string, string, string][] = [
    [
      t("bookings"),
      count(now.bookings),
      count(before.bookings),
      change(now.bookings, before.bookings),
    ],
    [t("cancellationRate"), share(rates(now).cancellation), share(rates(before).cancellation), ""],
    [t("noShowRate"), share(rates(now).noShow), share(rates(before).noShow), ""],
    [
      t("revenue"),
      money(now.revenueMinor),
      money(before.revenueMinor),
      change(now.revenueMinor, before.revenueMinor),
    ],
  ];
  const presets: [string, StatisticsQuery][] = [
    [t("last7"), { from: addDays(today, -6), to: today }],
    [t("last30"), defaultRange(today)],
    [t("last90"), { from: addDays(today, -89), to: today }],
    [t("last365"), { from: addDays(today, -364), to: today }],
  ];
  const empty = now.bookings + now.cancelled === 0;

  return (
    <section className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("intro")}{" "}
          <Link href="/admin/revenue" className="underline">
            {t("revenueReport")}
          </Link>
        </p>
      </div>
      <DateRangeForm
        from={range.from}
        to={range.to}
        labels={{ from: t("from"), to: t("to"), show: t("show") }}
      >
        <nav aria-label={t("presets")} className="flex flex-wrap gap-2 text-sm">
          {presets.map(([label, preset]) => (
            <Link key={label} href={hrefWith("/admin/statistics", preset)} className="underline">
              {label}
            </Link>
          ))}
        </nav>
      </DateRangeForm>
      {invalid && <Notice kind="error">{t("invalidRange")}</Notice>}
      <p className="text-sm text-slate-700" data-testid="statistics-period">
        {t("period", {
          from: shortDay(stats.from),
          to: shortDay(stats.to),
          previousFrom: shortDay(stats.previous.from),
          previousTo: shortDay(stats.previous.to),
        })}
      </p>

      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map(([label, value, previous, delta]) => (
          <div key={label} className={card} data-testid="statistics-card">
            <p className="text-sm text-slate-600">{label}</p>
            <p className="text-2xl font-semibold tabular-nums">{value}</p>
            <p className="text-xs text-slate-600">
              {t("previousValue", { value: previous })}
              {delta ? ` · ${delta}` : ""}
            </p>
          </div>
        ))}
      </div>
      {table("totals")}

      {empty ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <StatisticsCharts
          stats={stats}
          currency={tenant.currency}
          weekdays={labels.weekdays}
          formats={formats}
          table={table}
        />
      )}
    </section>
  );
}
