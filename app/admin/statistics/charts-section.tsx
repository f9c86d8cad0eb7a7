import { getTranslations } from "next-intl/server";
import { BarChart, HeatMap, ShareBars } from "@/components/admin/statistics/charts";
import { fromMinorUnits } from "@/lib/i18n/money";
import type { statistics } from "@/lib/statistics/statistics";
import { heatCount, heatHours, type StatisticsTable } from "@/lib/statistics/tables";
import type { statisticsFormats } from "./formats";

const card = "rounded-lg border border-slate-200 bg-white p-4";

/** The charts of a period with bookings: over time, the busiest hours, by service and staff. */
export async function StatisticsCharts(props: {
  stats: Awaited<ReturnType<typeof statistics>>;
  currency: string;
  weekdays: string[];
  formats: ReturnType<typeof statisticsFormats>;
  /** Each chart's data as a table (and its CSV). */
  table: (name: StatisticsTable) => React.ReactNode;
}) {
  const t = await getTranslations("admin.statistics");
  const { stats, table } = props;
  const { count, money, wholeMoney, shortDay } = props.formats;
  const now = stats.totals;
  const periodLabel = (start: string) =>
    stats.unit === "week" ? t("weekOf", { day: shortDay(start) }) : shortDay(start);
  return (
    <>
      <figure className={card} aria-labelledby="over-time">
        <h2 id="over-time" className="font-semibold">
          {t(stats.unit === "week" ? "perWeek" : "perDay")}
        </h2>
        <BarChart
          bars={stats.series.map((s) => ({ label: periodLabel(s.start), value: s.bookings }))}
          format={count}
          label={t("bookingsChart", { total: count(now.bookings) })}
        />
        <h3 className="mt-4 text-sm font-semibold">{t("revenueOverTime")}</h3>
        <BarChart
          bars={stats.series.map((s) => ({
            label: periodLabel(s.start),
            value: fromMinorUnits(s.revenueMinor, props.currency),
          }))}
          format={wholeMoney}
          label={t("revenueChart", { total: money(now.revenueMinor) })}
        />
        {table("series")}
      </figure>

      <figure className={card} aria-labelledby="busiest">
        <h2 id="busiest" className="font-semibold">
          {t("busiest")}
        </h2>
        <p className="mb-2 text-xs text-slate-600">{t("busiestHint")}</p>
        <HeatMap
          weekdays={props.weekdays}
          hours={heatHours(stats.heat)}
          count={heatCount(stats.heat)}
          label={t("heatChart")}
        />
        {table("heat")}
      </figure>

      <div className="grid gap-4 lg:grid-cols-2">
        {(["services", "staff"] as const).map((name) => (
          <figure key={name} className={card} aria-labelledby={`by-${name}`}>
            <h2 id={`by-${name}`} className="mb-3 font-semibold">
              {t(name === "services" ? "byService" : "byStaff")}
            </h2>
            <ShareBars
              items={(name === "services" ? stats.byService : stats.byStaff).map((b) => ({
                name: b.name,
                value: b.bookings,
              }))}
              format={count}
              label={t(name === "services" ? "byService" : "byStaff")}
            />
            {table(name)}
          </figure>
        ))}
      </div>
    </>
  );
}
