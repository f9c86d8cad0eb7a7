import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { BookingForm, type BookingFormLabels } from "@/components/booking/booking-form";
import { BookingPolicy } from "@/components/booking/business-contact";
import { BookingSteps, BookingUnavailable } from "@/components/booking/public-shell";
import { currentTenant } from "@/lib/access/current-tenant";
import { dateTimeSchema, toInstant } from "@/lib/availability/date-time";
import { emptyBookingForm } from "@/lib/booking/booking-form";
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
  const [t, td, locale, messages] = await Promise.all([
    getTranslations("visit"),
    getTranslations("details"),
    getLocale() as Promise<Locale>,
    getMessages(),
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
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <section
          aria-labelledby="summary"
          className="h-fit rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
        >
          <h2 id="summary" className="mb-3 text-lg font-semibold">
            {td("summary")}
          </h2>
          <p className="font-medium">
            {td("businessTime", {
              time: formatDateTime(start, zone, locale),
              zone: zoneCity(zone),
            })}
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
          <Link
            href={hrefWith("/visit", { services: services.join(","), tz })}
            className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline"
          >
            {td("changeTime")}
          </Link>
          <BookingPolicy tenant={tenant} className="mt-5 border-t border-slate-200 pt-4" />
        </section>
        <section
          aria-labelledby="details"
          className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
        >
          <h2 id="details" className="mb-4 text-lg font-semibold">
            {td("title")}
          </h2>
          <BookingForm
            action={bookVisitAction.bind(null, services, tz)}
            initialState={emptyBookingForm(new Date(start).toISOString(), randomUUID())}
            labels={
              {
                ...messages.details,
                problems: messages.problems,
                customerErrors: messages.customerErrors,
              } as unknown as BookingFormLabels
            }
            fields={{
              phone: visit.contexts.some((c) => c.activity.requirePhone),
              address: visit.contexts.some((c) => c.activity.requireAddress),
              customFieldLabel:
                visit.contexts.find((c) => c.activity.requireCustomField)?.activity
                  .customFieldLabel ?? null,
            }}
            consent={{
              privacyNoticeUrl: tenant.privacyNoticeUrl,
              marketing: tenant.asksMarketingConsent,
            }}
            payNotice={null}
          />
        </section>
      </div>
    </>
  );
}
