import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import type { Activity } from "@/db/schema";
import { hrefWith } from "@/lib/http/page-params";
import { formatDuration, formatPrice } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/** What the public pages show of an activity. */
export type ActivityShown = Pick<
  Activity,
  "name" | "description" | "color" | "durationMinutes" | "priceMinor"
>;

/** The name, duration, price and color of an activity; the heading level is the caller's. */
export function ActivityFacts({
  activity,
  currency,
  locale,
}: {
  activity: Pick<ActivityShown, "durationMinutes" | "priceMinor">;
  currency: string;
  locale: Locale;
}) {
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
      <span>{formatDuration(activity.durationMinutes, locale)}</span>
      <span aria-hidden="true">·</span>
      <span className="font-medium text-slate-900">
        {formatPrice(activity.priceMinor, currency, locale)}
      </span>
    </p>
  );
}

export async function ActivityCard({
  activity,
  currency,
  locale,
  locationId,
}: {
  activity: Activity;
  currency: string;
  locale: Locale;
  /** The place chosen, kept on the way (a business with several). */
  locationId?: string;
}) {
  const t = await getTranslations("home");
  return (
    <li className="flex overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200 transition hover:shadow-md">
      <span
        aria-hidden="true"
        className="w-2 shrink-0"
        style={{ backgroundColor: activity.color }}
      />
      <div className="flex flex-1 flex-col gap-3 p-5 sm:flex-row sm:items-center">
        <div className="flex-1">
          <h3 className="text-lg font-semibold">{activity.name}</h3>
          {activity.description ? (
            <p className="mt-1 text-slate-600">{activity.description}</p>
          ) : null}
          <div className="mt-2">
            <ActivityFacts activity={activity} currency={currency} locale={locale} />
          </div>
        </div>
        <Link
          href={hrefWith(`/book/${activity.id}`, { location: locationId })}
          aria-label={t("bookNamed", { name: activity.name })}
          className={buttonClass("brand", "cta", "inline-flex items-center justify-center")}
        >
          {t("book")}
        </Link>
      </div>
    </li>
  );
}
