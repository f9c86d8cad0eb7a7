import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { requirePageCaller } from "@/lib/access/page-caller";
import { listCustomers } from "@/lib/customers/customers";
import { customerListQuerySchema } from "@/lib/customers/schema";
import { getDb } from "@/lib/db";
import { firstParam, hrefWith, type SearchParams } from "@/lib/http/page-params";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.nav.customers");

const PAGE = 25;

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { tenant } = await requirePageCaller();
  const params = await searchParams;
  const q = firstParam(params.q)?.trim().slice(0, 200) || undefined;
  // A cursor that is not one of ours starts from the newest, as a first visit would.
  const parsed = customerListQuerySchema.safeParse({
    search: q,
    cursor: firstParam(params.after),
    limit: PAGE,
  });
  const query = parsed.success
    ? parsed.data
    : customerListQuerySchema.parse({ search: q, limit: PAGE });
  const [t, { items, pagination }] = await Promise.all([
    getTranslations("admin.customers"),
    listCustomers(await getDb(), tenant, query),
  ]);
  const when = (date: Date) => formatDateTime(date, tenant.timeZone, tenant.locale);
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>
      {firstParam(params.erased) && <Notice kind="ok">{t("erased")}</Notice>}
      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      >
        <Field id="customer-search" label={t("search")}>
          <Input
            id="customer-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t("searchHint")}
            compact
            className="mt-1 text-sm"
          />
        </Field>
        <button type="submit" className={buttonClass()}>
          {t("searchButton")}
        </button>
      </form>
      {items.length === 0 ? (
        <EmptyState>{q ? t("noMatch", { q }) : t("empty")}</EmptyState>
      ) : (
        <ul
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
          data-testid="customer-list"
        >
          {items.map((c) => (
            <li key={c.id} className="px-3 py-2 text-sm [overflow-wrap:anywhere]">
              <div className="flex flex-wrap items-baseline gap-x-3">
                <Link href={`/admin/customers/${c.id}`} className="font-medium underline">
                  {c.name}
                </Link>
                <span className="text-slate-700">{c.email}</span>
                {c.phone && <span className="text-slate-700">{c.phone}</span>}
                {c.tags.map((tag) => (
                  <span key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                    {tag}
                  </span>
                ))}
              </div>
              <p className="text-xs text-slate-600">
                {t("bookings", { count: c.bookings })} · {t("noShows", { count: c.noShows })} ·{" "}
                {t("spent")} {formatPrice(c.spentMinor, tenant.currency, tenant.locale)} ·{" "}
                {t("lastVisit")} {c.lastVisitAt ? when(c.lastVisitAt) : t("never")}
              </p>
            </li>
          ))}
        </ul>
      )}
      <nav className="flex gap-4 text-sm" aria-label={t("title")}>
        {query.cursor && (
          <Link href={hrefWith("/admin/customers", { q })} className="underline">
            {t("newer")}
          </Link>
        )}
        {pagination.nextCursor && (
          <Link
            href={hrefWith("/admin/customers", { q, after: pagination.nextCursor })}
            className="underline"
          >
            {t("older")}
          </Link>
        )}
      </nav>
    </section>
  );
}
