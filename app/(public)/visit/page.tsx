import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BookingSteps, BookingUnavailable } from "@/components/booking/public-shell";
import { WeekSlots } from "@/components/booking/week-slots";
import { currentTenant } from "@/lib/access/current-tenant";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import {
  displayZone,
  firstParam,
  hrefWith,
  orUndefinedIfNotFound,
  type SearchParams,
} from "@/lib/http/page-params";
import { formatDuration } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { pageTitle } from "@/lib/i18n/page-title";
import { loadVisitWeek } from "@/lib/offer/visit-offer";
import { visitServicesOf } from "@/lib/offer/visit-services";
import { isOpenForBooking } from "@/lib/tenants/online-booking";

export const generateMetadata = pageTitle("visit.title");

/** A visit of several services back to back: the week of times it can start. */
export default async function VisitPage(props: { searchParams: Promise<SearchParams> }) {
  const [query, tenant] = await Promise.all([props.searchParams, currentTenant()]);
  if (!isOpenForBooking(tenant)) return <BookingUnavailable tenant={tenant} />;
  const services = visitServicesOf(query.services);
  if (!services.length) notFound();
  const { zone, tz } = displayZone(tenant.timeZone, firstParam(query.tz));
  // A link naming a service gone, hidden or a class is no visit to offer.
  const week = await orUndefinedIfNotFound(
    loadVisitWeek(
      await getDb(),
      tenant,
      { items: services.map((activityId) => ({ activityId })) },
      { timeZone: zone, week: firstParam(query.week) },
      new Date(),
    ).catch((error) => {
      throw error instanceof AppError && error.code === "VALIDATION_ERROR"
        ? new AppError("NOT_FOUND")
        : error;
    }),
  );
  if (!week) notFound();
  const [t, locale] = await Promise.all([getTranslations("visit"), getLocale() as Promise<Locale>]);
  const path = hrefWith("/visit", { services: services.join(",") });
  const minutes = week.activities.reduce((sum, a) => sum + a.durationMinutes, 0);
  return (
    <>
      <BookingSteps current={1} />
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 mb-5 text-slate-600" data-testid="visit-services">
        {t("services", {
          services: week.activities.map((a) => a.name).join(" + "),
          duration: formatDuration(minutes, locale),
        })}
      </p>
      <WeekSlots
        week={week}
        locale={locale}
        businessZone={tenant.timeZone}
        path={path}
        tz={tz}
        selectedDay={firstParam(query.day)}
        slotHref={(start) =>
          hrefWith("/visit/details", {
            services: services.join(","),
            at: new Date(start).toISOString(),
            tz,
          })
        }
      />
    </>
  );
}
