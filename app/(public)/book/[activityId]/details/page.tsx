import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActivityHeader } from "@/components/booking/activity-header";
import { BookingSummary } from "@/components/booking/booking-summary";
import { DetailsLayout } from "@/components/booking/details-layout";
import { BookingSteps, BookingUnavailable } from "@/components/booking/public-shell";
import { currentTenant } from "@/lib/access/current-tenant";
import { modeSchema } from "@/lib/appointments/schema";
import { dateTimeSchema, toInstant } from "@/lib/availability/date-time";
import { getDb } from "@/lib/db";
import {
  displayZone,
  firstParam,
  hrefWith,
  orUndefinedIfNotFound,
  type SearchParams,
} from "@/lib/http/page-params";
import { formatPrice } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { pageTitle } from "@/lib/i18n/page-title";
import { chosenLocation, publicLocations } from "@/lib/locations/public-locations";
import { loadBookingContext } from "@/lib/offer/booking-context";
import { mondayOf } from "@/lib/offer/booking-week";
import { amountDue } from "@/lib/payments/rule";
import { dayInZone } from "@/lib/scheduling/calendar-day";
import { isOpenForBooking } from "@/lib/tenants/online-booking";
import { uuidSchema } from "@/lib/validation";
import { bookAction } from "./actions";

export const generateMetadata = pageTitle("details.title");

export default async function DetailsPage(props: {
  params: Promise<{ activityId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ activityId }, query, tenant] = await Promise.all([
    props.params,
    props.searchParams,
    currentTenant(),
  ]);
  if (!isOpenForBooking(tenant)) return <BookingUnavailable tenant={tenant} />;
  if (!uuidSchema.safeParse(activityId).success) notFound();
  const context = await orUndefinedIfNotFound(
    loadBookingContext(await getDb(), tenant, activityId),
  );
  // A service hidden from online booking is not offered here.
  if (!context?.activity.onlineBooking) notFound();
  const { activity } = context;
  const locations = await publicLocations(await getDb(), tenant);
  const location = chosenLocation(locations, firstParam(query.location));
  const place = locations.length > 1 ? location : null;
  const staff =
    context.staff.find(
      (s) => s.id === firstParam(query.staff) && (!place || s.locationId === place.id),
    ) ?? null;
  const { zone, tz } = displayZone(place?.timeZone ?? tenant.timeZone, firstParam(query.tz));
  // On video, for a service delivered both ways and chosen so.
  const mode =
    activity.modes.length > 1 ? (modeSchema.safeParse(firstParam(query.mode)).data ?? null) : null;
  const at = firstParam(query.at);
  if (!at || !dateTimeSchema.safeParse(at).success)
    redirect(hrefWith(`/book/${activityId}`, { location: place?.id, mode, tz }));
  const start = toInstant(at, tenant.timeZone);

  const [t, locale] = await Promise.all([
    getTranslations("details"),
    getLocale() as Promise<Locale>,
  ]);
  const payAmount = amountDue(activity);
  const changeTime = hrefWith(`/book/${activityId}`, {
    location: place?.id,
    week: mondayOf(dayInZone(start, zone)),
    staff: staff?.id,
    mode,
    tz,
  });
  return (
    <>
      <BookingSteps current={2} />
      <ActivityHeader activity={activity} tenant={tenant} locale={locale} />
      <DetailsLayout
        tenant={tenant}
        changeTimeHref={changeTime}
        action={bookAction.bind(
          null,
          activityId,
          { staffId: staff?.id ?? null, locationId: place?.id ?? null, mode },
          tz,
        )}
        start={start}
        fields={{
          phone: activity.requirePhone,
          address: activity.requireAddress,
          customFieldLabel: activity.requireCustomField
            ? (activity.customFieldLabel ?? t("customField"))
            : null,
        }}
        payNotice={
          payAmount > 0
            ? t(activity.paymentRule === "deposit" ? "payDepositNotice" : "payNotice", {
                amount: formatPrice(payAmount, tenant.currency, locale),
                minutes: tenant.paymentHoldMinutes,
              })
            : null
        }
      >
        <BookingSummary
          tenant={tenant}
          locale={locale}
          activity={activity}
          start={start}
          shownZone={zone}
          place={place}
          online={mode === "online" || (mode === null && !activity.modes.includes("in_person"))}
          staffName={
            staff?.name ?? (context.staff.length === 1 ? context.staff[0]?.name : t("anyone"))
          }
        />
      </DetailsLayout>
    </>
  );
}
