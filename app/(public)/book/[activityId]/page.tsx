import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActivityHeader } from "@/components/booking/activity-header";
import { BookingSteps, BookingUnavailable } from "@/components/booking/public-shell";
import { WeekSlots } from "@/components/booking/week-slots";
import { ZoneSwitch } from "@/components/booking/zone-switch";
import { loadBookingWeek } from "@/lib/appointments/booking-week";
import { getDb } from "@/lib/db";
import {
  displayZone,
  firstParam,
  hrefWith,
  orUndefinedIfNotFound,
  type SearchParams,
} from "@/lib/http/page-params";
import { zoneCity } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { isCalendarDay } from "@/lib/scheduling/calendar-day";
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
  const zone = displayZone(tenant.timeZone, firstParam(query.tz));
  const tz = zone === tenant.timeZone ? undefined : zone;
  const requestedWeek = firstParam(query.week);
  const week = await orUndefinedIfNotFound(
    loadBookingWeek(
      await getDb(),
      tenant,
      activityId,
      {
        timeZone: zone,
        week: requestedWeek && isCalendarDay(requestedWeek) ? requestedWeek : undefined,
      },
      new Date(),
    ),
  );
  if (!week) notFound();
  const [t, locale] = await Promise.all([
    getTranslations("booking"),
    getLocale() as Promise<Locale>,
  ]);
  const path = `/book/${activityId}`;

  return (
    <>
      <BookingSteps current={1} />
      <ActivityHeader activity={week.activity} tenant={tenant} locale={locale} />
      <div className="mb-4 flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
        <p className="text-sm text-slate-600">{t("zoneNote", { zone: zoneCity(zone) })}</p>
        <ZoneSwitch
          businessZone={tenant.timeZone}
          shownZone={zone}
          path={path}
          query={{ week: week.weekStart }}
          labels={{
            showMyZone: t("showMyZone", { zone: "{zone}" }),
            showBusinessZone: t("showBusinessZone", { zone: "{zone}" }),
          }}
        />
      </div>
      {week.fullyBooked ? (
        <p className="rounded-2xl bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">
          {t("fullyBooked", { days: week.activity.maxAdvanceDays })}
        </p>
      ) : (
        <WeekSlots
          week={week}
          locale={locale}
          selectedDay={firstParam(query.day)}
          slotHref={(start) =>
            hrefWith(`${path}/details`, { at: new Date(start).toISOString(), tz })
          }
          weekHref={(weekStart) => hrefWith(path, { week: weekStart, tz })}
          dayHref={(day) => hrefWith(path, { week: week.weekStart, day, tz })}
        />
      )}
    </>
  );
}
