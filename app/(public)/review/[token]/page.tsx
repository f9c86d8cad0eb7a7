import { getLocale, getTranslations } from "next-intl/server";
import { ReviewForm } from "@/components/reviews/review-form";
import { Notice } from "@/components/ui/notice";
import { currentTenant } from "@/lib/access/current-tenant";
import { getAppointment } from "@/lib/appointments";
import { getDb } from "@/lib/db";
import { errorMessage } from "@/lib/errors/messages";
import { firstParam, type SearchParams } from "@/lib/http/page-params";
import { formatDateTime, zoneCity } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { pageTitle } from "@/lib/i18n/page-title";
import { publicLocations } from "@/lib/locations/public-locations";
import { invitationOf } from "@/lib/reviews";
import { reviewByLinkAction } from "./actions";

export const generateMetadata = pageTitle("reviews.title", { robots: { index: false } });

/** The invitation's single-use form: rate a completed appointment, without signing in. */
export default async function ReviewPage(props: {
  params: Promise<{ token: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ token }, query, tenant, t, locale] = await Promise.all([
    props.params,
    props.searchParams,
    currentTenant(),
    getTranslations("reviews"),
    getLocale() as Promise<Locale>,
  ]);
  const heading = (
    <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">
      {t("pageTitle", { business: tenant.name })}
    </h1>
  );
  // Sent (the link is spent then), or a link that opens nothing: the outcome alone.
  const outcome = (kind: "ok" | "error", text: string) => (
    <section className="max-w-xl">
      {heading}
      <Notice kind={kind} className="mt-4">
        {text}
      </Notice>
    </section>
  );
  if (firstParam(query.done) === "1") return outcome("ok", t("thanks"));
  const db = await getDb();
  const appointmentId = await invitationOf(db, tenant.id, token);
  if (!appointmentId) return outcome("error", t("linkInvalid"));
  const [appointment, places] = await Promise.all([
    getAppointment(db, tenant.id, appointmentId),
    publicLocations(db, tenant),
  ]);
  const zone = places.find((p) => p.id === appointment.locationId)?.timeZone ?? tenant.timeZone;
  const error = firstParam(query.error);
  return (
    <section className="max-w-xl">
      {heading}
      {error ? (
        <Notice kind="error" className="mt-4">
          {errorMessage(error as Parameters<typeof errorMessage>[0], locale) ?? t("linkInvalid")}
        </Notice>
      ) : null}
      <h2 className="mt-6 text-lg font-semibold">{t("leaveTitle")}</h2>
      <p className="text-slate-600">
        {t("leaveLead", {
          activity: appointment.activityName,
          staff: appointment.staffName,
          when: `${formatDateTime(appointment.startsAt, zone, locale)} (${zoneCity(zone)})`,
        })}
      </p>
      <ReviewForm id="review" action={reviewByLinkAction.bind(null, token)} />
    </section>
  );
}
