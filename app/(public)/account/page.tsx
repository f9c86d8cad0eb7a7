import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { type AccountBooking, AccountBookings } from "@/components/account/account-bookings";
import { ProfileForm } from "@/components/account/profile-form";
import { SignInForm } from "@/components/account/sign-in-form";
import { ReviewForm } from "@/components/reviews/review-form";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { currentCustomerSession } from "@/lib/access/current-customer";
import { currentTenant } from "@/lib/access/current-tenant";
import { CODE_MINUTES, getProfile, hasReceipt, myAppointments, myPayments } from "@/lib/accounts";
import { listActivities } from "@/lib/activities/activities";
import type { AppointmentRow } from "@/lib/appointments";
import { accountManageToken } from "@/lib/booking";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { errorMessage } from "@/lib/errors/messages";
import { firstParam, hrefWith, type SearchParams } from "@/lib/http/page-params";
import { formatDateTime, formatPrice, zoneCity } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { pageTitle } from "@/lib/i18n/page-title";
import { timeZoneOptions } from "@/lib/i18n/time-zones";
import { publicLocations } from "@/lib/locations/public-locations";
import { toReview } from "@/lib/reviews";
import {
  eraseAccountAction,
  requestCodeAction,
  reviewFromAccountAction,
  saveProfileAction,
  signOutAction,
  verifyCodeAction,
} from "./actions";

export const generateMetadata = pageTitle("account.title", { robots: { index: false } });

export default async function AccountPage(props: { searchParams: Promise<SearchParams> }) {
  const [tenant, session, query, t, locale] = await Promise.all([
    currentTenant(),
    currentCustomerSession(),
    props.searchParams,
    getTranslations("account"),
    getLocale() as Promise<Locale>,
  ]);
  const flag = (name: string) => firstParam(query[name]) === "1";
  if (!session) {
    return (
      <section aria-labelledby="account-title" className="max-w-xl">
        {flag("signedOut") && <Notice kind="ok">{t("signedOut")}</Notice>}
        {flag("erased") && <Notice kind="ok">{t("erased")}</Notice>}
        <h1 id="account-title" className="mt-2 text-2xl font-semibold tracking-tight sm:text-3xl">
          {t("signInTitle", { business: tenant.name })}
        </h1>
        <p className="mt-2 text-slate-600">{t("signInLead")}</p>
        <SignInForm
          requestCode={requestCodeAction}
          verifyCode={verifyCodeAction}
          outbox={!env().smtpUrl}
          labels={{
            email: t("email"),
            sendCode: t("sendCode"),
            code: t("code"),
            codeSent: t("codeSent", { email: "{email}", minutes: CODE_MINUTES }),
            codeInOutbox: t("codeInOutbox"),
            signIn: t("signIn"),
            otherAddress: t("otherAddress"),
            sendAgain: t("sendAgain"),
            invalidEmail: t("invalidEmail"),
            tooMany: t("tooMany"),
            wrongCode: t("wrongCode"),
            failed: t("failed"),
          }}
        />
      </section>
    );
  }

  const db = await getDb();
  const now = new Date();
  const [profile, upcoming, past, places, offered, ts, paid, unreviewed, tr] = await Promise.all([
    getProfile(db, tenant, session.customerId),
    myAppointments(db, tenant, session.customerId, "upcoming", { limit: 50 }, now),
    myAppointments(db, tenant, session.customerId, "past", { limit: 20 }, now),
    publicLocations(db, tenant),
    listActivities(db, tenant.id, { online: true }),
    getTranslations("manage.statuses"),
    myPayments(db, tenant, session.customerId),
    toReview(db, tenant.id, session.customerId),
    getTranslations("reviews"),
  ]);
  const tp = await getTranslations("manage.paymentShort");
  const bookable = new Set(offered.map((a) => a.id));
  const several = places.length > 1;
  // On the customer's own clock when they chose one, else on the place's; always named.
  const when = (at: Date, locationId: string) => {
    const zone =
      profile.timeZone ?? places.find((p) => p.id === locationId)?.timeZone ?? tenant.timeZone;
    return `${formatDateTime(at, zone, locale)} (${zoneCity(zone)})`;
  };
  const item = (a: AppointmentRow): AccountBooking => {
    const place = places.find((p) => p.id === a.locationId);
    return {
      id: a.id,
      when: when(a.startsAt, a.locationId),
      service: a.activityName,
      staff: a.staffName,
      place: several ? (place?.name ?? null) : null,
      status: a.status,
      statusLabel: ts(a.status),
      openHref: `/manage/${accountManageToken(tenant.id, a.id, session.id)}`,
      // The same service, with the same person when they still perform it (the page checks).
      bookAgainHref: bookable.has(a.activityId)
        ? hrefWith(`/book/${a.activityId}`, { staff: a.staffId, location: a.locationId })
        : null,
    };
  };
  const labels = { open: t("open"), bookAgain: t("bookAgain") };
  const error = firstParam(query.error);
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">
            {t("hello", { name: profile.name })}
          </h1>
          <p className="mt-1 text-slate-600">{t("signedInAs", { email: profile.email })}</p>
        </div>
        <form action={signOutAction}>
          <button type="submit" className={buttonClass("secondary", "md")}>
            {t("signOut")}
          </button>
        </form>
      </div>
      {error && (
        <Notice kind="error" className="mt-4">
          {error === "CUSTOMER_HAS_UPCOMING"
            ? t("eraseUpcoming")
            : (errorMessage(error as Parameters<typeof errorMessage>[0], locale) ?? t("failed"))}
        </Notice>
      )}
      {flag("reviewed") && (
        <Notice kind="ok" className="mt-4">
          {tr("thanks")}
        </Notice>
      )}
      {unreviewed.length > 0 && (
        <section id="to-review" aria-labelledby="to-review-title" className="mt-8">
          <h2 id="to-review-title" className="text-xl font-semibold">
            {tr("toReview")}
          </h2>
          <ul className="mt-3 grid gap-3">
            {unreviewed.map((a) => (
              <li key={a.id} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
                <p className="font-semibold">{tr("leaveTitle")}</p>
                <p className="text-slate-700">
                  {tr("leaveLead", {
                    activity: a.activityName,
                    staff: a.staffName,
                    when: when(a.startsAt, a.locationId),
                  })}
                </p>
                <ReviewForm
                  id={`review-${a.id}`}
                  action={reviewFromAccountAction.bind(null, a.id)}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      <AccountBookings
        id="upcoming"
        title={t("upcoming")}
        bookings={upcoming.items.map(item)}
        labels={labels}
        empty={
          <>
            <p>{t("noUpcoming")}</p>
            <Link href="/" className={buttonClass("brand", "md", "mt-3 inline-flex")}>
              {t("bookNow")}
            </Link>
          </>
        }
      />
      <AccountBookings
        id="past"
        title={t("past")}
        bookings={past.items.map(item)}
        labels={labels}
        empty={t("noPast")}
      />
      {paid.length > 0 && (
        <section aria-labelledby="payments" className="mt-8">
          <h2 id="payments" className="text-xl font-semibold">
            {t("payments")}
          </h2>
          <ul className="mt-3 divide-y divide-slate-200 rounded-2xl bg-white shadow-sm ring-1 ring-slate-200">
            {paid.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 p-4">
                <div className="min-w-0">
                  <p className="font-medium">
                    {formatPrice(p.amountMinor, p.currency, locale)}
                    {p.rule === "deposit" ? ` (${t("deposit")})` : ""} · {tp(p.status)}
                  </p>
                  <p className="text-sm text-slate-600">
                    {t("paymentFor", {
                      service: p.activityName,
                      when: when(p.appointmentStartsAt, p.locationId),
                    })}
                  </p>
                </div>
                {hasReceipt(p) ? (
                  <a
                    href={`/account/payments/${p.id}/receipt.pdf`}
                    download
                    className={buttonClass("secondary", "md")}
                  >
                    {t("receiptLink")}
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <Card id="profile" title={t("profile")} titleId="profile-title">
          {flag("saved") && (
            <Notice kind="ok" className="mt-3">
              {t("saved")}
            </Notice>
          )}
          <ProfileForm
            action={saveProfileAction}
            profile={profile}
            timeZones={timeZoneOptions(now)}
            business={tenant.name}
            businessLocale={tenant.locale}
            locale={locale}
            timeZone={profile.timeZone ?? tenant.timeZone}
          />
        </Card>
        <Card
          id="privacy"
          title={t("privacy")}
          titleId="privacy-title"
          description={t("privacyLead", { business: tenant.name })}
        >
          <div className="mt-4 flex flex-wrap gap-2">
            <a href="/account/my-data.json" download className={buttonClass("secondary", "md")}>
              {t("download")}
            </a>
            <Link href="/account?confirm=erase#privacy" className={buttonClass("danger", "md")}>
              {t("erase")}
            </Link>
          </div>
          {firstParam(query.confirm) === "erase" && (
            <form action={eraseAccountAction} className="mt-4 rounded-md bg-red-50 p-3">
              <p className="text-sm text-red-900">
                {t("eraseQuestion", { business: tenant.name })}
              </p>
              <div className="mt-3 flex flex-wrap gap-2">
                <button type="submit" className={buttonClass("danger", "md")}>
                  {t("eraseConfirm")}
                </button>
                <Link href="/account#privacy" className={buttonClass("secondary", "md")}>
                  {t("keep")}
                </Link>
              </div>
            </form>
          )}
        </Card>
      </div>
    </>
  );
}
