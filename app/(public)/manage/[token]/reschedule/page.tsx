import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BookingUnavailable } from "@/components/booking/public-shell";
import { WeekSlots } from "@/components/booking/week-slots";
import { buttonClass } from "@/components/ui/button";
import { currentTenant } from "@/lib/access/current-tenant";
import { customerPolicy } from "@/lib/appointments/customer-policy";
import { dateTimeSchema } from "@/lib/availability/date-time";
import { findByManageToken } from "@/lib/booking/manage-booking";
import { getDb } from "@/lib/db";
import { customerErrorText } from "@/lib/errors/customer-error-text";
import {
  displayZone,
  firstParam,
  hrefWith,
  orUndefinedIfNotFound,
  type SearchParams,
} from "@/lib/http/page-params";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { pageTitle } from "@/lib/i18n/page-title";
import { loadBookingWeek } from "@/lib/offer/booking-week";
import { dayInZone } from "@/lib/scheduling/calendar-day";
import { isOpenForBooking } from "@/lib/tenants/online-booking";
import { rescheduleBookingAction } from "../actions";

export const generateMetadata = pageTitle("manage.title", { robots: { index: false } });

export default async function ReschedulePage(props: {
  params: Promise<{ token: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ token }, query, tenant] = await Promise.all([
    props.params,
    props.searchParams,
    currentTenant(),
  ]);
  if (!isOpenForBooking(tenant)) return <BookingUnavailable tenant={tenant} />;
  const db = await getDb();
  const booking = await orUndefinedIfNotFound(findByManageToken(db, tenant, token));
  if (!booking) notFound();
  const now = new Date();
  const path = `/manage/${token}`;
  const { zone, tz } = displayZone(tenant.timeZone, firstParam(query.tz));
  if (!customerPolicy(booking, tenant, now).reschedule.allowed) {
    redirect(hrefWith(path, { error: "POLICY_WINDOW_CLOSED", tz }));
  }
  const week = await orUndefinedIfNotFound(
    loadBookingWeek(
      db,
      tenant,
      booking.activityId,
      {
        timeZone: zone,
        week: firstParam(query.week),
        exceptAppointmentId: booking.id,
        // A move keeps the person the booking is with.
        staffId: booking.staffId,
      },
      now,
    ),
  );
  if (!week) notFound();
  const [t, locale] = await Promise.all([
    getTranslations("manage"),
    getLocale() as Promise<Locale>,
  ]);
  const at = firstParam(query.at);
  const chosen = at && dateTimeSchema.safeParse(at).success ? Date.parse(at) : undefined;
  const here = `${path}/reschedule`;

  return (
    <>
      <Link
        href={hrefWith(path, { tz })}
        className="text-sm font-medium text-brand-700 hover:underline"
      >
        ← {t("back")}
      </Link>
      <h1 className="mt-3 text-2xl font-semibold tracking-tight sm:text-3xl">
        {t("rescheduleTitle")}
      </h1>
      <p className="mt-1 text-slate-600">
        {booking.activityName} ·{" "}
        {t("currentTime", { when: formatDateTime(booking.startsAt, zone, locale) })}
      </p>
      {firstParam(query.error) === "SLOT_UNAVAILABLE" ? (
        <p
          role="alert"
          className="mt-4 rounded-xl bg-red-50 px-4 py-3 text-red-900 ring-1 ring-red-200"
        >
          {await customerErrorText("SLOT_UNAVAILABLE")}
        </p>
      ) : null}
      {chosen !== undefined && !Number.isNaN(chosen) ? (
        <form
          action={rescheduleBookingAction.bind(null, token, tz)}
          className="mt-4 flex flex-col gap-3 rounded-xl bg-brand-50 p-4 ring-1 ring-brand-200 sm:flex-row sm:items-center sm:justify-between"
        >
          <input type="hidden" name="at" value={new Date(chosen).toISOString()} />
          <p className="font-medium">
            {t("moveTo", { when: formatDateTime(chosen, zone, locale) })}
          </p>
          <button
            type="submit"
            // biome-ignore lint/a11y/noAutofocus: the visitor just picked this time
            autoFocus
            className={buttonClass("brand", "cta")}
          >
            {t("moveConfirm")}
          </button>
        </form>
      ) : null}
      <div className="mt-6">
        <WeekSlots
          week={week}
          locale={locale}
          businessZone={tenant.timeZone}
          path={here}
          tz={tz}
          selectedDay={
            firstParam(query.day) ??
            (chosen !== undefined && !Number.isNaN(chosen) ? dayInZone(chosen, zone) : undefined)
          }
          current={booking.startsAt.getTime()}
          chosen={chosen}
          slotHref={(start) =>
            hrefWith(here, { week: week.weekStart, at: new Date(start).toISOString(), tz })
          }
        />
      </div>
    </>
  );
}
