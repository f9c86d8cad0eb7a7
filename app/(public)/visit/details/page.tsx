import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DetailsLayout } from "@/components/booking/details-layout";
import { BookingSteps, BookingUnavailable } from "@/components/booking/public-shell";
import { currentTenant } from "@/lib/access/current-tenant";
import { dateTimeSchema, toInstant } from "@/lib/availability/date-time";
import { getDb } from "@/lib/db";
import {
  displayZone,
  firstParam,
  hrefWith,
  orUndefinedIfNotFound,
  type SearchParams,
} from "@/lib/http/page-params";
import { formatDateTime, formatPrice, formatTime, zoneCity } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { pageTitle } from "@/lib/i18n/page-title";
import { loadVisitContexts } from "@/lib/offer/visit-offer";
import { visitServicesOf } from "@/lib/offer/visit-services";
import { MINUTE_MS } from "@/lib/scheduling/durations";
import { isOpenForBooking } from "@/lib/tenants/online-booking";
import { bookVisitAction } from "./actions";

export const generateMetadata = pageTitle("visit.title");

/** A visit's start picked: its services one after the other, and the customer's details. */
export default async function VisitDetailsPage(props: { searchParams: Promise<SearchParams> }) {
  const [query, tenant] = await Promise.all([props.searchParams, currentTenant()]);
  if (!isOpenForBooking(tenant)) return <BookingUnavailable tenant={tenant} />;
  const services = visitServicesOf(query.services);
  if (!services.length) notFound();
  const visit = await orUndefinedIfNotFound(
    loadVisitContexts(
      await getDb(),
      tenant,
      { items: services.map((activityId) => ({ activityId })) },
      true,
    ).catch(() => undefined),
  );
  if (!visit) notFound();
  const { zone, tz } = displayZone(tenant.timeZone, firstParam(query.tz));
  const at = firstParam(query.at);
  if (!at || !dateTimeSchema.safeParse(at).success) {
    redirect(hrefWith("/visit", { services: services.join(","), tz }));
  }
  const start = toInstant(at, tenant.timeZone);
  const [t, td, locale] = await Promise.all([
    getTranslations("visit"),
    getTranslations("details"),
    getLocale() as Promise<Locale>,
  ]);
  // Each service from the end of the one before.
  let next = start;
  const parts = visit.contexts.map(({ activity }) => {
    const begins = next;
    next += activity.durationMinutes * MINUTE_MS;
    return { activity, begins };
  });
  const price = visit.contexts.reduce((sum, c) => sum + c.activity.priceMinor, 0);
  return (
    <>
      <BookingSteps current={2} />
      <h1 className="mb-4 text-2xl font-semibold tracking-tight sm:text-3xl">{t("title")}</h1>
      <DetailsLayout
        tenant={tenant}
        changeTimeHref={hrefWith("/visit", { services: services.join(","), tz })}
        action={bookVisitAction.bind(null, services, tz)}
        start={start}
        fields={{
          phone: visit.contexts.some((c) => c.activity.requirePhone),
          address: visit.contexts.some((c) => c.activity.requireAddress),
          customFieldLabel:
            visit.contexts.find((c) => c.activity.requireCustomField)?.activity.customFieldLabel ??
            null,
        }}
        payNotice={null}
      >
        <p className="font-medium">
          {td("businessTime", { time: formatDateTime(start, zone, locale), zone: zoneCity(zone) })}
        </p>
        <ol className="mt-3 flex flex-col gap-1 text-sm" data-testid="visit-parts">
          {parts.map(({ activity, begins }) => (
            <li key={activity.id} className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="size-3 rounded-full"
                style={{ backgroundColor: activity.color }}
              />
              {formatTime(begins, zone, locale)} · {activity.name}
            </li>
          ))}
        </ol>
        <p className="mt-3 text-sm">
          {td("price")} : {formatPrice(price, tenant.currency, locale)}
        </p>
      </DetailsLayout>
    </>
  );
}
