import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActivityCard } from "@/components/booking/activity-card";
import { BusinessContact } from "@/components/booking/business-contact";
import { BookingUnavailable } from "@/components/booking/public-shell";
import { BusinessReviews } from "@/components/reviews/business-reviews";
import { buttonClass } from "@/components/ui/button";
import { currentTenant } from "@/lib/access/current-tenant";
import { listActivities } from "@/lib/activities/activities";
import { placesOfWork } from "@/lib/availability/own-hours";
import { getDb } from "@/lib/db";
import { firstParam, hrefWith, type SearchParams } from "@/lib/http/page-params";
import { zoneCity } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { chosenLocation, publicLocations } from "@/lib/locations/public-locations";
import { listStaff } from "@/lib/staff/staff";
import { isOpenForBooking } from "@/lib/tenants/online-booking";

export default async function BusinessPage(props: { searchParams: Promise<SearchParams> }) {
  const tenant = await currentTenant();
  if (!isOpenForBooking(tenant)) return <BookingUnavailable tenant={tenant} />;
  const db = await getDb();
  const [t, locale, activities, locations, staff, query] = await Promise.all([
    getTranslations("home"),
    getLocale() as Promise<Locale>,
    listActivities(db, tenant.id, { online: true }),
    publicLocations(db, tenant),
    listStaff(db, tenant.id),
    props.searchParams,
  ]);
  // A link (or the widget) naming a service opens its booking page directly.
  const service = activities.find((a) => a.id === firstParam(query.service));
  if (service) {
    redirect(hrefWith(`/book/${service.id}`, { tenant: firstParam(query.tenant) }));
  }
  const several = locations.length > 1;
  const location = chosenLocation(locations, firstParam(query.location));

  // Several places and none chosen yet: customers start with where.
  if (!location) {
    return (
      <section aria-labelledby="where">
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <h2 id="where" className="mt-6 text-xl font-semibold">
          {t("where")}
        </h2>
        <ul className="mt-3 grid gap-4 sm:grid-cols-2">
          {locations.map((l) => (
            <li key={l.id} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <h3 className="text-lg font-semibold">{l.name}</h3>
              <p className="mt-1 text-sm text-slate-600">
                {l.online ? t("online") : l.address}
                {l.timeZone !== tenant.timeZone &&
                  ` · ${t("zone", { zone: zoneCity(l.timeZone) })}`}
              </p>
              <Link
                href={hrefWith("/", { location: l.id })}
                aria-label={t("chooseNamed", { name: l.name })}
                className={buttonClass("brand", "cta", "mt-3 inline-flex")}
              >
                {t("choose")}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  // What someone working at this place performs.
  const here = new Set(
    staff
      .filter((s) => placesOfWork(s.locationId, s.weeklyHours).some(([l]) => l === location.id))
      .flatMap((s) => s.activityIds),
  );
  const offered = activities.filter((a) => here.has(a.id));
  return (
    <>
      <section className="mb-8">
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        {several ? (
          <p className="mt-2 text-slate-600">
            {t("at", { place: location.name })}{" "}
            <Link href="/" className="text-sm text-brand-700 underline">
              {t("otherPlace")}
            </Link>
          </p>
        ) : (
          <p className="mt-2 text-slate-600">{t("intro")}</p>
        )}
        <BusinessContact
          tenant={{ ...location, name: several ? location.name : tenant.name }}
          className="mt-3"
        />
      </section>
      <section aria-labelledby="services">
        <h2 id="services" className="sr-only">
          {t("services")}
        </h2>
        {offered.length ? (
          <ul className="flex flex-col gap-4">
            {offered.map((activity) => (
              <ActivityCard
                key={activity.id}
                activity={activity}
                currency={tenant.currency}
                locale={locale}
                locationId={several ? location.id : undefined}
              />
            ))}
          </ul>
        ) : (
          <p className="rounded-2xl bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">
            {t("empty")}
          </p>
        )}
      </section>
      {/* Several services back to back in one visit: a plain form, so it works without JavaScript. */}
      {offered.filter((a) => a.capacity === 1).length > 1 && (
        <section
          aria-labelledby="visit"
          className="mt-8 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
        >
          <h2 id="visit" className="text-lg font-semibold">
            {t("visitTitle")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("visitIntro")}</p>
          <form action="/visit" method="get" className="mt-3 flex flex-col gap-2">
            {offered
              .filter((a) => a.capacity === 1)
              .map((a) => (
                <label key={a.id} className="flex items-center gap-2">
                  <input type="checkbox" name="services" value={a.id} className="size-4" />
                  {a.name}
                </label>
              ))}
            <button type="submit" className={buttonClass("brand", "cta", "mt-2 self-start")}>
              {t("visitSubmit")}
            </button>
          </form>
        </section>
      )}
      <BusinessReviews tenant={tenant} locale={locale} />
    </>
  );
}
