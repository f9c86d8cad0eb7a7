import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Tenant } from "@/db/schema";
import { type Overview, overviewFilters } from "@/lib/appointments/overview";
import { hrefWith } from "@/lib/http/page-params";
import { formatPrice } from "@/lib/i18n/format";

/**
 * The week at a glance: bookings to come, what needs confirming, the month's losses and revenue;
 * each figure opens the appointments it counts.
 */
export async function OverviewPanel({
  tenant,
  figures,
  now,
  showRevenue,
}: {
  tenant: Tenant;
  figures: Overview;
  now: Date;
  /** Money is for those who may see the statistics and the revenue report. */
  showRevenue: boolean;
}) {
  const t = await getTranslations("admin.overview");
  const filters = overviewFilters(now, tenant.timeZone);
  const items = [
    ["today", String(figures.today)],
    ["thisWeek", String(figures.thisWeek)],
    ["pending", String(figures.pendingToConfirm)],
    ["cancelled", String(figures.cancelledThisMonth)],
    ["noShows", String(figures.noShowsThisMonth)],
    ...(showRevenue
      ? ([
          ["revenue", formatPrice(figures.revenueThisMonth, tenant.currency, tenant.locale)],
        ] as const)
      : []),
  ] as const;
  return (
    <section aria-labelledby="overview-title" className="mb-4">
      <h2 id="overview-title" className="sr-only">
        {t("title")}
      </h2>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {items.map(([key, value]) => (
          <div
            key={key}
            className="relative rounded-lg border border-slate-200 bg-white px-3 py-2 hover:border-slate-400 hover:bg-slate-50"
          >
            <dt className="text-xs text-slate-600">{t(key)}</dt>
            <dd className="text-xl font-semibold">
              {/* The whole tile is the link (its ::after covers it). */}
              <Link
                href={hrefWith("/admin/appointments", filters[key])}
                data-testid={`overview-${key}`}
                aria-label={`${t(key)}: ${value}`}
                className="after:absolute after:inset-0"
              >
                {value}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      {showRevenue && <p className="mt-1 text-xs text-slate-500">{t("revenueNote")}</p>}
    </section>
  );
}
