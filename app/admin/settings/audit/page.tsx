import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { requirePageCaller } from "@/lib/access/page-caller";
import { auditSentence } from "@/lib/audit/audit-sentence";
import { AUDIT_PAGE_SIZE, listAudit } from "@/lib/audit/audit-trail";
import { getDb } from "@/lib/db";
import { pageParam, type SearchParams } from "@/lib/http/page-params";
import { formatDateTime } from "@/lib/i18n/format";
import en from "@/lib/i18n/messages/en.json";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.nav.audit");

const json = (value: unknown) => (value === null ? "" : JSON.stringify(value));

// The sentences there are, by key (see auditSentence).
const sentenceKeys = new Set(Object.keys(en.admin.audit.sentences));

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { tenant, caller } = await requirePageCaller("manage");
  // The record of everyone's changes is the owners' to read.
  if (caller.role !== "owner") forbidden();
  const page = pageParam((await searchParams).page);
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
        <EmptyState className="mt-4">{t("empty")}</EmptyState>
      ) : (
        <ol className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {entries.map((e) => {
            const who =
              e.actorType === "customer" || e.actorType === "system"
                ? t(e.actorType)
                : e.actorType === "api_key"
                  ? t("apiKey", { name: e.actorLabel ?? "" })
                  : (e.actorLabel ?? "");
            const { key, values } = auditSentence(e, e.appointment, tenant, sentenceKeys);
            return (
              <li key={e.id} className="px-3 py-2 text-sm [overflow-wrap:anywhere]">
                <p>
                  <time className="mr-2 text-slate-600" dateTime={e.createdAt.toISOString()}>
                    {formatDateTime(e.createdAt, tenant.timeZone, tenant.locale)}
                  </time>
                  {t(`sentences.${key}` as "sentences.other", { ...values, who })}
                </p>
                {(e.before !== null || e.after !== null) && (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs text-slate-600">
                      {t("raw")} · <code>{e.action}</code>
                    </summary>
                    <div className="mt-1 font-mono text-xs break-all">
                      {e.before !== null && (
                        <span className="block text-red-800">− {json(e.before)}</span>
                      )}
                      {e.after !== null && (
                        <span className="block text-emerald-800">+ {json(e.after)}</span>
                      )}
                    </div>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
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
