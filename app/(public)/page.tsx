import { getLocale, getTranslations } from "next-intl/server";
import { ActivityCard } from "@/components/booking/activity-card";
import { BusinessContact } from "@/components/booking/business-contact";
import { BookingUnavailable } from "@/components/booking/public-shell";
import { listActivities } from "@/lib/activities/activities";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { currentTenant } from "@/lib/tenants/current-tenant";
import { isOpenForBooking } from "@/lib/tenants/online-booking";

export default async function BusinessPage() {
  const tenant = await currentTenant();
  if (!isOpenForBooking(tenant)) return <BookingUnavailable tenant={tenant} />;
  const [t, locale, activities] = await Promise.all([
    getTranslations("home"),
    getLocale() as Promise<Locale>,
    listActivities(await getDb(), tenant.id, { online: true }),
  ]);
  return (
    <>
      <section className="mb-8">
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-slate-600">{t("intro")}</p>
        <BusinessContact tenant={tenant} className="mt-3" />
      </section>
      <section aria-labelledby="services">
        <h2 id="services" className="sr-only">
          {t("services")}
        </h2>
        {activities.length ? (
          <ul className="flex flex-col gap-4">
            {activities.map((activity) => (
              <ActivityCard
                key={activity.id}
                activity={activity}
                currency={tenant.currency}
                locale={locale}
              />
            ))}
          </ul>
        ) : (
          <p className="rounded-2xl bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">
            {t("empty")}
          </p>
        )}
      </section>
    </>
  );
}
