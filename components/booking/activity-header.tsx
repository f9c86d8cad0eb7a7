import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Tenant } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { ActivityFacts, type ActivityShown } from "./activity-card";

/** The activity being booked, under a way back to the list of services. */
export function ActivityHeader({
  activity,
  tenant,
  locale,
}: {
  activity: ActivityShown;
  tenant: Pick<Tenant, "currency">;
  locale: Locale;
}) {
  const t = useTranslations("public");
  return (
    <header className="mb-6">
      <Link href="/" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t("allServices")}
      </Link>
      <div className="mt-3 flex items-start gap-3">
        <span
          aria-hidden="true"
          className="mt-1.5 size-4 shrink-0 rounded-full"
          style={{ backgroundColor: activity.color }}
        />
        <div>
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{activity.name}</h1>
          {activity.description ? (
            <p className="mt-1 text-slate-600">{activity.description}</p>
          ) : null}
          <div className="mt-2">
            <ActivityFacts activity={activity} currency={tenant.currency} locale={locale} />
          </div>
        </div>
      </div>
    </header>
  );
}
