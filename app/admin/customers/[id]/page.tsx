import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConfirmRow } from "@/components/admin/confirm-row";
import { CustomerNotesForm } from "@/components/admin/customer-notes-form";
import { StatusBadge } from "@/components/booking/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requirePageCaller } from "@/lib/access/page-caller";
import { adminLabels, failureTexts } from "@/lib/admin/form-labels";
import { can } from "@/lib/auth/authenticate";
import { customerHistory } from "@/lib/customers/customers";
import { getDb } from "@/lib/db";
import {
  firstParam,
  hrefWith,
  orUndefinedIfNotFound,
  type SearchParams,
} from "@/lib/http/page-params";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { pageTitle } from "@/lib/i18n/page-title";
import { uuidSchema } from "@/lib/validation";
import { eraseCustomerAction, saveCustomerNotesAction } from "../actions";

export const generateMetadata = pageTitle("admin.nav.customers");

const card = "rounded-lg border border-slate-200 bg-white p-4";

export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { tenant, caller } = await requirePageCaller();
  const query = await searchParams;
  const id = uuidSchema.safeParse((await params).id).data;
  const found = id && (await orUndefinedIfNotFound(customerHistory(await getDb(), tenant.id, id)));
  if (!id || !found) notFound();
  const { customer: c, appointments } = found;
  const [t, ts, labels, failed] = await Promise.all([
    getTranslations("admin.customers"),
    getTranslations("admin.statuses"),
    adminLabels("customers"),
    failureTexts(),
  ]);
  const error = firstParam(query.error);
  const here = `/admin/customers/${c.id}`;
  const when = (date: Date) => formatDateTime(date, tenant.timeZone, tenant.locale);
  const stats: [string, string][] = [
    [t("bookingsLabel"), String(c.bookings)],
    [t("noShowsLabel"), String(c.noShows)],
    [t("spent"), formatPrice(c.spentMinor, tenant.currency, tenant.locale)],
    [t("lastVisit"), c.lastVisitAt ? when(c.lastVisitAt) : t("never")],
    [
      t("news"),
      c.marketingOptInAt ? t("newsSince", { when: when(c.marketingOptInAt) }) : t("newsNo"),
    ],
  ];
  return (
    <section className="space-y-6 [overflow-wrap:anywhere]">
      <div>
        <Link href="/admin/customers" className="text-sm underline">
          ← {t("back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{c.name}</h1>
        <p className="text-sm text-slate-700">{[c.email, c.phone].filter(Boolean).join(" · ")}</p>
        <p className="text-xs text-slate-600">{t("customerSince", { when: when(c.createdAt) })}</p>
        <div className="mt-2 flex flex-wrap gap-2">
          <a
            href={`/api/customers/${c.id}/export`}
            download
            className={buttonClass("secondary", "sm")}
          >
            {t("export")}
          </a>
          {can(caller.role, "manage") && (
            <Link
              href={`${here}?erase=1`}
              className="rounded-md border border-red-300 bg-white px-3 py-1 text-sm text-red-800 hover:bg-red-50"
            >
              {t("erase")}
            </Link>
          )}
        </div>
        {firstParam(query.erase) && can(caller.role, "manage") && (
          <div className="mt-3">
            <ConfirmRow
              action={eraseCustomerAction.bind(null, c.id)}
              question={t("eraseQuestion", { name: c.name })}
              confirmLabel={t("eraseConfirm")}
              keepHref={here}
              keepLabel={labels.keep ?? "Keep"}
            />
          </div>
        )}
        {error && (
          <Notice kind="error" className="mt-3">
            {failed(error)}
          </Notice>
        )}
      </div>
      <section aria-labelledby="stats-title" className={card}>
        <h2 id="stats-title" className="sr-only">
          {t("stats")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="customer-stats">
          {stats.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd className="text-lg font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="notes-title" className={card}>
        <h2 id="notes-title" className="text-lg font-semibold">
          {t("notesTitle")}
        </h2>
        <CustomerNotesForm
          action={saveCustomerNotesAction.bind(null, c.id)}
          initialState={{ attempt: 0, values: { notes: c.notes, tags: c.tags.join(", ") } }}
          labels={labels}
        />
      </section>
      <section aria-labelledby="history-title" className={card}>
        <h2 id="history-title" className="text-lg font-semibold">
          {t("history")}
        </h2>
        {appointments.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("historyEmpty")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="customer-history">
            {appointments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <time dateTime={a.startsAt.toISOString()} className="font-medium">
                  {when(a.startsAt)}
                </time>
                <span>
                  {a.activityName} · {a.staffName}
                </span>
                <StatusBadge status={a.status} label={ts(a.status)} />
                <Link
                  href={hrefWith("/admin/appointments", { open: a.id })}
                  className="ml-auto text-sm underline"
                >
                  {t("open")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
