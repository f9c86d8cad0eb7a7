import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { ActivityHeader } from "@/components/booking/activity-header";
import { BookingSteps, BookingUnavailable } from "@/components/booking/public-shell";
import { WeekSlots } from "@/components/booking/week-slots";
import { loadBookingWeek } from "@/lib/appointments/booking-week";
import { getDb } from "@/lib/db";
import {
  displayZone,
  firstParam,
  hrefWith,
  orUndefinedIfNotFound,
  type SearchParams,
} from "@/lib/http/page-params";
import type { Locale } from "@/lib/i18n/locales";
import { currentTenant } from "@/lib/tenants/current-tenant";
import { uuidSchema } from "@/lib/validation";

export const metadata: Metadata = { title: "Book" };

export default async function BookPage(props: {
  params: Promise<{ activityId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ activityId }, query, tenant] = await Promise.all([
    props.params,
    props.searchParams,
    currentTenant(),
  ]);
  if (!tenant.appointmentModuleEnabled) return <BookingUnavailable tenant={tenant} />;
  if (!uuidSchema.safeParse(activityId).success) notFound();
  const { zone, tz } = displayZone(tenant.timeZone, firstParam(query.tz));
  const week = await orUndefinedIfNotFound(
    loadBookingWeek(
      await getDb(),
      tenant,
      activityId,
      { timeZone: zone, week: firstParam(query.week) },
      new Date(),
    ),
  );
  if (!week) notFound();
  const locale = (await getLocale()) as Locale;
  const path = `/book/${activityId}`;

  return (
    <>
      <BookingSteps current={1} />
      <ActivityHeader activity={week.activity} tenant={tenant} locale={locale} />
      <WeekSlots
        week={week}
        locale={locale}
        businessZone={tenant.timeZone}
        path={path}
        tz={tz}
        selectedDay={firstParam(query.day)}
        slotHref={(start) => hrefWith(`${path}/details`, { at: new Date(start).toISOString(), tz })}
      />
    </>
  );
}
