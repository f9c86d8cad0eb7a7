import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BookingSummary } from "@/components/booking/booking-summary";
import { BookingPolicy, BusinessContact } from "@/components/booking/business-contact";
import { BookingSteps } from "@/components/booking/public-shell";
import { StatusBadge } from "@/components/booking/status-badge";
import { RefreshWhile } from "@/components/ui/refresh-while";
import { customerPolicy, type PolicyVerdict } from "@/lib/appointments/customer-policy";
import { holdsTime } from "@/lib/appointments/status";
import { findByManageToken } from "@/lib/booking/manage-booking";
import { getDb } from "@/lib/db";
import {
  displayZone,
  firstParam,
  hrefWith,
  orUndefinedIfNotFound,
  type SearchParams,
} from "@/lib/http/page-params";
import { publicOrigin } from "@/lib/http/public-origin";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { pageTitle } from "@/lib/i18n/page-title";
import { bookingPlace } from "@/lib/locations/public-locations";
import { describePayment } from "@/lib/payments/describe";
import { refundOnCancel } from "@/lib/payments/rule";
import { currentTenant } from "@/lib/tenants/current-tenant";
import { isOpenForBooking } from "@/lib/tenants/online-booking";
import { cancelBookingAction, eraseMyDataAction } from "./actions";

export const generateMetadata = pageTitle("manage.title", { robots: { index: false } });

const knownErrors = [
  "CUSTOMER_HAS_UPCOMING",
  "POLICY_WINDOW_CLOSED",
  "SLOT_UNAVAILABLE",
  "INVALID_TRANSITION",
  "MODULE_DISABLED",
];

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
  // With online booking off, the booking is still shown; only self-service changes stop.
  const selfService = holding && isOpenForBooking(tenant);
  const path = `/manage/${token}`;
  const origin = publicOrigin(requestHeaders);
  const error = firstParam(query.error);
  const booked = firstParam(query.booked) === "1";
  const when = (date: Date) => formatDateTime(date, tenant.timeZone, locale);
  const { payment } = booking;
  const money = (minor: number) => formatPrice(minor, payment?.currency ?? tenant.currency, locale);
  const paid = payment ? describePayment(payment, tenant) : null;
  const checkout = firstParam(query.checkout);
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
  // Only asked of a booking that holds its time: the one refusal left is "too late".
  const refusal = (verdict: PolicyVerdict, tooLate: "cancelTooLate" | "rescheduleTooLate") =>
    verdict.allowed
      ? null
      : verdict.reason === "class_seat"
        ? t("classSeat")
        : t(tooLate, {
            deadline: when(verdict.deadline),
            hours:
              tooLate === "cancelTooLate"
                ? tenant.cancellationNoticeHours
                : tenant.rescheduleNoticeHours,
            business: tenant.name,
          });

  return (
    <>
      {booked ? <BookingSteps current={3} /> : null}
      <div aria-live="polite">
        {checkout === "done" && awaitingPayment ? (
          <Banner tone="info">
            {t("paymentConfirming")}
            <RefreshWhile />
          </Banner>
        ) : null}
        {checkout === "done" && payment?.paidAt && holding ? (
          <Banner tone="success" title={t("paymentReceivedTitle")}>
            {t("paymentReceived")}
          </Banner>
        ) : null}
        {checkout === "cancelled" && awaitingPayment ? (
          <Banner tone="info">
            {t("paymentCancelled", { until: when(new Date(payment.expiresAt)) })}
          </Banner>
        ) : null}
        {booked ? (
          <Banner tone="success" title={t("bookedTitle")}>
            {t("bookedText")} {booking.status === "pending" ? t("pendingNote") : null}
          </Banner>
        ) : null}
        {firstParam(query.cancelled) === "1" ? (
          <Banner tone="success">{t("cancelledBanner")}</Banner>
        ) : null}
        {firstParam(query.moved) === "1" ? (
          <Banner tone="success">{t("movedBanner")}</Banner>
        ) : null}
        {error ? (
          <Banner tone="error">
            {knownErrors.includes(error) ? t(`errors.${error}`) : t("errors.failed")}
          </Banner>
        ) : null}
      </div>

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
              className="mt-5 inline-flex items-center rounded-lg bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700"
            >
              {t("payNow", { amount: money(payment.amountMinor) })}
            </a>
          ) : null}
          <a
            href={`${path}/booking.ics`}
            download
            className="mt-5 inline-flex items-center gap-2 rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50"
          >
            {booking.status === "cancelled" ? t("cancelledIcs") : t("addToCalendar")}
          </a>
          <div className="mt-5">
            <label htmlFor="private-link" className="text-sm font-medium">
              {t("privateLink")}
            </label>
            <input
              id="private-link"
              readOnly
              value={`${origin}${path}`}
              aria-describedby="private-link-help"
              className="mt-1 w-full rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
            />
            <p id="private-link-help" className="mt-1 text-xs text-slate-600">
              {t("privateLinkHelp")}
            </p>
          </div>
          {booking.customerId ? (
            <div className="mt-5 space-y-2 text-sm">
              <p>
                <a href={`${path}/my-data.json`} download className="underline">
                  {t("myData", { business: tenant.name })}
                </a>{" "}
                ·{" "}
                <Link href={`${path}/my-data`} className="underline">
                  {t("myDataPage")}
                </Link>
              </p>
              {firstParam(query.confirm) === "erase" ? (
                <div
                  role="alertdialog"
                  aria-labelledby="erase-title"
                  aria-describedby="erase-text"
                  className="rounded-xl bg-red-50 p-4 ring-1 ring-red-200"
                >
                  <h2 id="erase-title" className="font-semibold text-red-900">
                    {t("eraseTitle")}
                  </h2>
                  <p id="erase-text" className="mt-1 text-red-900">
                    {t("eraseText", { business: tenant.name })}
                  </p>
                  <div className="mt-3 flex flex-wrap gap-2">
                    <form action={eraseMyDataAction.bind(null, token)}>
                      <button
                        type="submit"
                        className="rounded-lg bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800"
                      >
                        {t("eraseConfirm")}
                      </button>
                    </form>
                    <Link
                      href={hrefWith(path, { tz })}
                      className="rounded-lg px-4 py-2 font-medium text-slate-700 hover:bg-white"
                    >
                      {t("eraseKeep")}
                    </Link>
                  </div>
                </div>
              ) : (
                <p>
                  <Link href={hrefWith(path, { tz, confirm: "erase" })} className="underline">
                    {t("erase")}
                  </Link>
                </p>
              )}
            </div>
          ) : null}
        </section>

        <section
          aria-label={t("title")}
          className="flex h-fit flex-col gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
        >
          {!holding ? <p className="text-sm text-slate-700">{t("inactive")}</p> : null}
          {holding && !isOpenForBooking(tenant) ? (
            <p className="text-sm text-slate-700" data-testid="module-off-note">
              {t("moduleOff", { business: tenant.name })}
            </p>
          ) : null}
          {selfService ? (
            <>
              {policy.cancel.allowed && policy.reschedule.allowed ? (
                <p className="text-sm text-slate-600">
                  {t("policy", {
                    cancelBy: when(policy.cancel.deadline),
                    moveBy: when(policy.reschedule.deadline),
                  })}
                </p>
              ) : null}

              {policy.reschedule.allowed ? (
                <Link
                  href={hrefWith(`${path}/reschedule`, { tz })}
                  className="rounded-lg bg-brand-600 px-4 py-2.5 text-center font-medium text-white hover:bg-brand-700"
                >
                  {t("reschedule")}
                </Link>
              ) : (
                <Unavailable
                  id="why-no-reschedule"
                  label={t("reschedule")}
                  reason={refusal(policy.reschedule, "rescheduleTooLate")}
                />
              )}

              {!policy.cancel.allowed ? (
                <Unavailable
                  id="why-no-cancel"
                  label={t("cancel")}
                  reason={refusal(policy.cancel, "cancelTooLate")}
                />
              ) : firstParam(query.confirm) === "cancel" ? (
                <div
                  role="alertdialog"
                  aria-labelledby="cancel-title"
                  aria-describedby="cancel-text"
                  className="rounded-xl bg-red-50 p-4 ring-1 ring-red-200"
                >
                  <h2 id="cancel-title" className="font-semibold text-red-900">
                    {t("cancelConfirmTitle")}
                  </h2>
                  <p id="cancel-text" className="mt-1 text-sm text-red-900">
                    {t("cancelConfirmText")}{" "}
                    {payment?.paidAt
                      ? refundNow > 0
                        ? t("cancelRefund", { amount: money(refundNow) })
                        : t("cancelNoRefund", {
                            amount: money(payment.amountMinor - payment.refundedMinor),
                          })
                      : null}
                  </p>
                  <div className="mt-3 flex flex-wrap gap-2">
                    <form action={cancelBookingAction.bind(null, token)}>
                      <button
                        type="submit"
                        // biome-ignore lint/a11y/noAutofocus: the confirmation was just asked for
                        autoFocus
                        className="rounded-lg bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800"
                      >
                        {t("cancelConfirm")}
                      </button>
                    </form>
                    <Link
                      href={hrefWith(path, { tz })}
                      className="rounded-lg px-4 py-2 font-medium text-slate-700 hover:bg-white"
                    >
                      {t("keep")}
                    </Link>
                  </div>
                </div>
              ) : (
                <Link
                  href={hrefWith(path, { confirm: "cancel", tz })}
                  className="rounded-lg border border-red-300 px-4 py-2.5 text-center font-medium text-red-700 hover:bg-red-50"
                >
                  {t("cancel")}
                </Link>
              )}
            </>
          ) : null}
          {holding ? <BookingPolicy tenant={tenant} /> : null}
          <BusinessContact tenant={tenant} />
        </section>
      </div>
    </>
  );
}

function Unavailable({ id, label, reason }: { id: string; label: string; reason: string | null }) {
  return (
    <div>
      <button
        type="button"
        disabled
        aria-describedby={id}
        className="w-full cursor-not-allowed rounded-lg bg-slate-100 px-4 py-2.5 font-medium text-slate-500"
      >
        {label}
      </button>
      <p id={id} className="mt-1 text-sm text-slate-600">
        {reason}
      </p>
    </div>
  );
}

const bannerTones = {
  success: "bg-emerald-50 text-emerald-900 ring-1 ring-emerald-200",
  info: "bg-sky-50 text-sky-900 ring-1 ring-sky-200",
  error: "bg-red-50 text-red-900 ring-1 ring-red-200",
};

function Banner({
  tone,
  title,
  children,
}: {
  tone: keyof typeof bannerTones;
  title?: string;
  children: React.ReactNode;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`mb-4 rounded-xl px-4 py-3 ${bannerTones[tone]}`}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      <p className="text-sm">{children}</p>
    </div>
  );
}
