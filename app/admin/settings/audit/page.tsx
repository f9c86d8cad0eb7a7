
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/ui/pager";
import { AUDIT_PAGE_SIZE, listAudit } from "@/lib/audit/audit-trail";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { getDb } from "@/lib/db";
import { firstParam, type SearchParams } from "@/lib/http/page-params";
import { formatDateTime } from "@/lib/i18n/format";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.nav.audit");

const json = (value: unknown) => (value === null ? "" : JSON.stringify(value));

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { tenant, caller } = await requirePageCaller("manage");
  // The record of everyone's changes is the owners' to read.
  if (caller.role !== "owner") forbidden();
  const page = Math.max(1, Math.min(10_000, Number(firstParam((await searchParams).page)) || 1));
  const [t, { entries, total }] = await Promise.all([
    getTranslations("admin.audit"),
    listAudit(await getDb(), tenant.id, page),
  ]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      {entries.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">
          {t("empty")}
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("when")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("who")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("action")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("change")}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2 whitespace-nowrap">
                    {formatDateTime(e.createdAt, tenant.timeZone, tenant.locale)}
                  </td>
                  <td className="px-3 py-2">
                    {e.actorType === "customer" || e.actorType === "system"
                      ? t(e.actorType)
                      : e.actorLabel}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                  <td className="max-w-xl px-3 py-2 font-mono text-xs break-all">
                    {e.before !== null && (
                      <span className="block text-red-800">− {json(e.before)}</span>
                    )}
                    {e.after !== null && (
                      <span className="block text-emerald-800">+ {json(e.after)}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={page}
        pages={pages}
        href={(n) => `/admin/settings/audit?page=${n}`}
        labels={{ nav: "Pages", previous: "←", next: "→", position: `${page} / ${pages}` }}
      />
    </section>
  );
}
