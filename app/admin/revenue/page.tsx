import { getTranslations } from "next-intl/server";
import { DateRangeForm } from "@/components/admin/date-range-form";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requirePageCaller } from "@/lib/access/page-caller";
import { getDb } from "@/lib/db";
import { toAppError } from "@/lib/errors/to-app-error";
import { firstParam, hrefWith, type SearchParams } from "@/lib/http/page-params";
import { formatDay, formatPrice } from "@/lib/i18n/format";
import { pageTitle } from "@/lib/i18n/page-title";
import {
  type RevenueLine,
  reportDays,
  revenueMovements,
  revenueReport,
} from "@/lib/payments/revenue";

export const generateMetadata = pageTitle("admin.nav.revenue");

export default async function RevenuePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { tenant } = await requirePageCaller("manage");
  const query = await searchParams;
  const t = await getTranslations("admin.revenue");
  const asked = { from: firstParam(query.from), to: firstParam(query.to) };
  let period: ReturnType<typeof reportDays>;
  let invalid = false;
  try {
    period = reportDays(asked, tenant.timeZone, new Date());
  } catch (error) {
    if (toAppError(error).code !== "VALIDATION_ERROR") throw error;
    invalid = true;
    period = reportDays({}, tenant.timeZone, new Date());
  }
  const movements = await revenueMovements(await getDb(), tenant, period.range);
  const report = revenueReport(movements, period.days, tenant.timeZone);
  const money = (minor: number) => formatPrice(minor, tenant.currency, tenant.locale);
  const day = (d: string) => formatDay(d, tenant.locale, "long");

  return (
    <section className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>
      <DateRangeForm
        from={period.from}
        to={period.to}
        labels={{ from: t("from"), to: t("to"), show: t("show") }}
      >
        <a
          href={hrefWith("/admin/revenue/export", { from: period.from, to: period.to })}
          download
          className={buttonClass("secondary")}
        >
          {t("export")}
        </a>
      </DateRangeForm>
      {invalid && <Notice kind="error">{t("invalidRange")}</Notice>}

      <dl className="grid gap-3 sm:grid-cols-4" data-testid="revenue-totals">
        {(
          [
            ["paid", money(report.total.paidMinor)],
            ["refunded", money(report.total.refundedMinor)],
            ["net", money(report.total.netMinor)],
            ["payments", String(report.total.payments)],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{t(key)}</dt>
            <dd className="text-xl font-semibold" data-testid={`revenue-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>

      {movements.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <>
          <DayChart
            days={report.byDay}
            label={t("chart", {
              from: day(period.from),
              to: day(period.to),
              net: money(report.total.netMinor),
            })}
            money={money}
            day={day}
          />
          <div className="grid gap-5 lg:grid-cols-2">
            <LinesTable
              title={t("byService")}
              nameHeader={t("service")}
              lines={report.byService}
              t={t}
              money={money}
            />
            <LinesTable
              title={t("byStaff")}
              nameHeader={t("staff")}
              lines={report.byStaff}
              t={t}
              money={money}
            />
          </div>
        </>
      )}
    </section>
  );
}

/** Each day's payments as bars above the line and its refunds below; the figures are in titles. */
function DayChart({
  days,
  label,
  money,
  day,
}: {
  days: RevenueLine[];
  label: string;
  money: (minor: number) => string;
  day: (d: string) => string;
}) {
  const top = Math.max(1, ...days.map((d) => d.paidMinor));
  const bottom = Math.max(0, ...days.map((d) => d.refundedMinor));
  const height = 160;
  const scale = height / (top + bottom);
  const zero = top * scale;
  const width = Math.max(days.length * 12, 240);
  const bar = width / days.length;
  return (
    <figure className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-3">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        className="h-40 w-full min-w-[480px]"
        preserveAspectRatio="none"
      >
        <line x1={0} x2={width} y1={zero} y2={zero} stroke="#cbd5e1" strokeWidth={1} />
        {days.map((d, i) => (
          <g key={d.id}>
            <title>{`${day(d.id)}: +${money(d.paidMinor)} −${money(d.refundedMinor)}`}</title>
            <rect
              x={i * bar + bar * 0.15}
              width={bar * 0.7}
              y={zero - d.paidMinor * scale}
              height={d.paidMinor * scale}
              fill="#2563eb"
            />
            <rect
              x={i * bar + bar * 0.15}
              width={bar * 0.7}
              y={zero}
              height={d.refundedMinor * scale}
              fill="#dc2626"
            />
          </g>
        ))}
      </svg>
      <figcaption className="mt-2 text-xs text-slate-600">{label}</figcaption>
    </figure>
  );
}

function LinesTable({
  title,
  nameHeader,
  lines,
  t,
  money,
}: {
  title: string;
  nameHeader: string;
  lines: RevenueLine[];
  t: (key: "paid" | "refunded" | "net") => string;
  money: (minor: number) => string;
}) {
  return (
    <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="px-3 pt-3 text-left font-semibold">{title}</caption>
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="px-3 py-2 font-medium">
              {nameHeader}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">
              {t("paid")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">
              {t("refunded")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">
              {t("net")}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-2 text-left font-normal [overflow-wrap:anywhere]">
                {line.name}
              </th>
              <td className="px-3 py-2 text-right whitespace-nowrap">{money(line.paidMinor)}</td>
              <td className="px-3 py-2 text-right whitespace-nowrap">
                {money(line.refundedMinor)}
              </td>
              <td className="px-3 py-2 text-right font-medium whitespace-nowrap">
                {money(line.netMinor)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
