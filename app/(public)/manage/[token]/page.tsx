import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BookingSummary } from "@/components/booking/booking-summary";
import { BookingSteps } from "@/components/booking/public-shell";
import { StatusBadge } from "@/components/booking/status-badge";
import { buttonClass } from "@/components/ui/button";
import { currentTenant } from "@/lib/access/current-tenant";
import { customerPolicy } from "@/lib/appointments/customer-policy";
import { holdsTime } from "@/lib/appointments/status";
import { findByManageToken } from "@/lib/booking/manage-booking";
import { isAccountManageToken } from "@/lib/booking/manage-token";
import { getDb } from "@/lib/db";
import {
  displayZone,
  firstParam,
  orUndefinedIfNotFound,
  type SearchParams,
} from "@/lib/http/page-params";
import { publicOrigin } from "@/lib/http/public-origin";
import { formatDateTime, formatPrice, zoneCity } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { pageTitle } from "@/lib/i18n/page-title";
import { bookingPlace } from "@/lib/locations/public-locations";
import { describePayment } from "@/lib/payments/describe";
import { refundOnCancel } from "@/lib/payments/rule";
import { ManageBanners } from "./manage-banners";
import { MyData, PrivateLink } from "./my-data";
import { SelfService } from "./self-service";

export const generateMetadata = pageTitle("manage.title", { robots: { index: false } });

export default async function ManagePage(props: {
  params: Promise<{ token: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ token }, query, tenant] = await Promise.all([
    props.params,
    props.searchParams,
    currentTenant(),
  ]);
  const db = await getDb();
  const booking = await orUndefinedIfNotFound(findByManageToken(db, tenant, token));
  if (!booking) notFound();
  const [t, locale, requestHeaders, place] = await Promise.all([
    getTranslations("manage"),
    getLocale() as Promise<Locale>,
    headers(),
    bookingPlace(db, tenant, booking.locationId),
  ]);
  const { zone, tz } = displayZone(place?.timeZone ?? tenant.timeZone, firstParam(query.tz));
  const now = new Date();
  const policy = customerPolicy(booking, tenant, now);
  const holding = holdsTime(booking.status);
  const path = `/manage/${token}`;
  const origin = publicOrigin(requestHeaders);
  const booked = firstParam(query.booked) === "1";
  const td = await getTranslations("details");
  // Every time on the page (deadlines, payment) on the clock the visitor reads, named.
  const when = (date: Date) =>
    td("businessTime", { time: formatDateTime(date, zone, locale), zone: zoneCity(zone) });
  const { payment } = booking;
  const money = (minor: number) => formatPrice(minor, payment?.currency ?? tenant.currency, locale);
  const paid = payment ? describePayment(payment, tenant) : null;
  const awaitingPayment =
    payment?.status === "pending" &&
    booking.status === "pending" &&
    Date.parse(payment.expiresAt) > now.getTime();
  // What cancelling now gives back, for the confirmation.
  const refundNow = payment
    ? refundOnCancel(payment, {
        by: "customer",
        withinNotice: policy.cancel.allowed,
        keepDeposits: tenant.keepDeposits,
      })
    : 0;
  return (
    <>
      {booked ? <BookingSteps current={3} /> : null}
      <ManageBanners
        query={{
          checkout: firstParam(query.checkout),
          booked,
          cancelled: firstParam(query.cancelled) === "1",
          moved: firstParam(query.moved) === "1",
          error: firstParam(query.error),
        }}
        status={booking.status}
        payment={payment}
        awaitingPayment={awaitingPayment}
        holding={holding}
        payUntil={payment ? when(new Date(payment.expiresAt)) : ""}
      />

      <h1 className="mb-4 text-2xl font-semibold tracking-tight sm:text-3xl">{t("title")}</h1>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <section className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <BookingSummary
            tenant={tenant}
            locale={locale}
            activity={{
              name: booking.activityName,
              color: booking.activityColor,
              durationMinutes: Math.round(
                (booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000,
              ),
              priceMinor: booking.activityPriceMinor,
            }}
            staffName={booking.staffName}
            start={booking.startsAt.getTime()}
            shownZone={zone}
            place={place}
            meetingUrl={holding ? booking.meetingUrl : null}
          >
            <dt className="text-slate-600">{t("status")}</dt>
            <dd>
              <StatusBadge status={booking.status} label={t(`statuses.${booking.status}`)} />
            </dd>
            {payment ? (
              <>
                <dt className="text-slate-600">{t("paymentLabel")}</dt>
                <dd data-testid="payment-status">
                  {paid?.text}
                  {paid?.refundOnTheWay ? (
                    <span className="block text-sm text-slate-600">{paid.refundOnTheWay}</span>
                  ) : null}
                </dd>
              </>
            ) : null}
          </BookingSummary>
          {awaitingPayment && payment.checkoutUrl ? (
            <a
              href={payment.checkoutUrl}
              className={buttonClass("brand", "cta", "mt-5 inline-flex items-center")}
            >
              {t("payNow", { amount: money(payment.amountMinor) })}
            </a>
          ) : null}
          <a
            href={`${path}/booking.ics`}
            download
            className={buttonClass(
              "secondary",
              "lg",
              "mt-5 inline-flex items-center gap-2 font-medium",
            )}
          >
            {booking.status === "cancelled" ? t("cancelledIcs") : t("addToCalendar")}
          </a>
          {isAccountManageToken(token) ? (
            <Link href="/account" className="mt-5 block w-fit text-brand-700 underline">
              {t("backToAccount")}
            </Link>
          ) : (
            <PrivateLink url={`${origin}${path}`} />
          )}
          {booking.customerId ? (
            <MyData
              token={token}
              business={tenant.name}
              path={path}
              tz={tz}
              confirming={firstParam(query.confirm) === "erase"}
            />
          ) : null}
        </section>

        <SelfService
          tenant={tenant}
          token={token}
          path={path}
          tz={tz}
          holding={holding}
          policy={policy}
          confirmingCancel={firstParam(query.confirm) === "cancel"}
          refundLine={
            payment?.paidAt
              ? refundNow > 0
                ? t("cancelRefund", { amount: money(refundNow) })
                : t("cancelNoRefund", {
                    amount: money(payment.amountMinor - payment.refundedMinor),
                  })
              : null
          }
          when={when}
          contact={place ? { ...place, name: tenant.name } : tenant}
        />
      </div>
    </>
  );
}
