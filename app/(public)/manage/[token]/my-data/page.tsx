import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { currentTenant } from "@/lib/access/current-tenant";
import { findByManageToken } from "@/lib/booking/manage-booking";
import { customerExport } from "@/lib/customers/export";
import { getDb } from "@/lib/db";
import { orUndefinedIfNotFound } from "@/lib/http/page-params";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("myData.title", { robots: { index: false } });

/**
 * Everything the business holds about the customer of this private link, to read: the same data
 * as the JSON file (my-data.json), laid out for people.
 */
export default async function MyDataPage(props: { params: Promise<{ token: string }> }) {
  const [{ token }, tenant] = await Promise.all([props.params, currentTenant()]);
  const db = await getDb();
  const booking = await orUndefinedIfNotFound(findByManageToken(db, tenant, token));
  if (!booking?.customerId) notFound();
  const [data, t, ts, locale] = await Promise.all([
    customerExport(db, tenant, booking.customerId, new Date()),
    getTranslations("myData"),
    getTranslations("manage.statuses"),
    getLocale() as Promise<Locale>,
  ]);
  const when = (iso: string | null) =>
    iso ? formatDateTime(new Date(iso), tenant.timeZone, locale) : t("none");
  const row = (label: string, value: string | null | undefined) => (
    <div className="grid gap-1 sm:grid-cols-[12rem_1fr]">
      <dt className="text-slate-600">{label}</dt>
      <dd className="[overflow-wrap:anywhere]">{value || t("none")}</dd>
    </div>
  );
  const c = data.customer;
  return (
    <section className="mx-auto max-w-3xl space-y-6" aria-labelledby="my-data-title">
      <div>
        <h1 id="my-data-title" className="text-2xl font-semibold">
          {t("heading", { business: tenant.name })}
        </h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro", { when: when(data.exportedAt) })}</p>
        <p className="mt-2 flex flex-wrap gap-4 text-sm">
          <a href={`/manage/${token}/my-data.json`} download className="underline">
            {t("download")}
          </a>
          <Link href={`/manage/${token}`} className="underline">
            {t("back")}
          </Link>
        </p>
      </div>

      <section
        aria-labelledby="about-you"
        className="rounded-lg bg-white p-4 ring-1 ring-slate-200"
      >
        <h2 id="about-you" className="font-semibold">
          {t("aboutYou")}
        </h2>
        <dl className="mt-2 space-y-2 text-sm">
          {row(t("name"), c.name)}
          {row(t("email"), c.email)}
          {row(t("phone"), c.phone)}
          {row(t("since"), when(c.createdAt))}
          {row(t("news"), c.marketingOptInAt ? when(c.marketingOptInAt) : t("no"))}
          {row(t("notes"), c.notes)}
          {row(t("tags"), c.tags.join(", "))}
        </dl>
      </section>

      <section
        aria-labelledby="your-bookings"
        className="rounded-lg bg-white p-4 ring-1 ring-slate-200"
      >
        <h2 id="your-bookings" className="font-semibold">
          {t("bookings", { count: data.appointments.length })}
        </h2>
        <ol className="mt-2 divide-y divide-slate-100 text-sm">
          {data.appointments.map((a) => (
            <li key={a.id} className="py-3">
              <p className="font-medium">
                {when(a.dateTime)} · {a.activityName} · {ts(a.status)}
              </p>
              <dl className="mt-1 space-y-1">
                {row(t("with"), a.staff.name)}
                {row(t("where"), a.location.name)}
                {row(
                  t("details"),
                  [
                    a.clientInfo.name,
                    a.clientInfo.email,
                    a.clientInfo.phone,
                    a.clientInfo.address,
                    a.clientInfo.customFieldValue,
                  ]
                    .filter(Boolean)
                    .join(" · "),
                )}
                {row(
                  t("privacy"),
                  a.consent.privacyAcceptedAt ? when(a.consent.privacyAcceptedAt) : t("no"),
                )}
                {row(
                  t("news"),
                  a.consent.marketingOptInAt ? when(a.consent.marketingOptInAt) : t("no"),
                )}
              </dl>
            </li>
          ))}
        </ol>
      </section>

      <section
        aria-labelledby="your-payments"
        className="rounded-lg bg-white p-4 ring-1 ring-slate-200"
      >
        <h2 id="your-payments" className="font-semibold">
          {t("payments")}
        </h2>
        {data.payments.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("noPayments")}</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {data.payments.map((p) => (
              <li key={`${p.appointmentId}-${p.paidAt}`}>
                {when(p.paidAt)} · {p.amount} {p.currency}
                {p.refunded ? ` · ${t("refunded", { amount: `${p.refunded} ${p.currency}` })}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section
        aria-labelledby="your-messages"
        className="rounded-lg bg-white p-4 ring-1 ring-slate-200"
      >
        <h2 id="your-messages" className="font-semibold">
          {t("messages")}
        </h2>
        {data.messages.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("noMessages")}</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {data.messages.map((m) => (
              <li key={`${m.appointmentId}-${m.kind}-${m.sentAt}`}>
                <details>
                  <summary className="cursor-pointer">
                    {when(m.sentAt)} · {m.subject}
                  </summary>
                  <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 font-sans">
                    {m.text}
                  </pre>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
