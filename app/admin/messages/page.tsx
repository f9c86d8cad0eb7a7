import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Pager } from "@/components/ui/pager";
import type { OutboundMessage } from "@/db/schema";
import { requirePageCaller } from "@/lib/access/page-caller";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { firstParam, hrefWith, pageParam, type SearchParams } from "@/lib/http/page-params";
import { formatDateTime } from "@/lib/i18n/format";
import { pageTitle } from "@/lib/i18n/page-title";
import { listMessages, MESSAGES_PAGE_SIZE } from "@/lib/messages/outbox";
import { retryMessageAction } from "./actions";

export const generateMetadata = pageTitle("admin.nav.messages");

const statusStyle: Record<OutboundMessage["status"], string> = {
  queued: "bg-sky-100 text-sky-900",
  sending: "bg-sky-100 text-sky-900",
  sent: "bg-emerald-100 text-emerald-900",
  stored: "bg-slate-100 text-slate-800",
  failed: "bg-red-100 text-red-900",
  uncertain: "bg-amber-100 text-amber-900",
  cancelled: "bg-slate-100 text-slate-700",
  skipped: "bg-slate-100 text-slate-700",
};

export default async function MessagesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { tenant } = await requirePageCaller("manage");
  const query = await searchParams;
  const page = pageParam(query.page);
  const failedOnly = firstParam(query.status) === "failed";
  const [t, { messages, total }] = await Promise.all([
    getTranslations("admin.messages"),
    listMessages(await getDb(), tenant.id, { page, failedOnly }),
  ]);
  const pages = Math.max(1, Math.ceil(total / MESSAGES_PAGE_SIZE));
  const pageHref = (n: number) =>
    hrefWith("/admin/messages", { page: String(n), status: failedOnly ? "failed" : undefined });
  const when = (at: Date) => formatDateTime(at, tenant.timeZone, tenant.locale);
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {env().smtpUrl ? t("introSmtp") : t("introStored")}
      </p>
      {firstParam(query.retried) && (
        <Notice kind="ok" className="mt-3">
          {t("retried")}
        </Notice>
      )}
      {firstParam(query.error) && (
        <Notice kind="error" className="mt-3">
          {t("retryFailed")}
        </Notice>
      )}
      <nav aria-label={t("filter")} className="mt-3 flex gap-4 text-sm">
        {[
          { href: "/admin/messages", label: t("all"), current: !failedOnly },
          { href: "/admin/messages?status=failed", label: t("failedOnly"), current: failedOnly },
        ].map((f) => (
          <Link
            key={f.href}
            href={f.href}
            aria-current={f.current ? "page" : undefined}
            className={f.current ? "font-semibold" : "underline"}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      {messages.length === 0 ? (
        <EmptyState className="mt-4">{t("empty")}</EmptyState>
      ) : (
        <ol className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {messages.map((m) => (
            <li key={m.id} className="px-3 py-2 text-sm" data-message-kind={m.kind}>
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span
                  className={`rounded px-2 py-0.5 text-xs font-medium ${statusStyle[m.status]}`}
                >
                  {t(`status.${m.status}`)}
                </span>
                <span className="font-medium">
                  {m.subject ??
                    (m.about.clientName && m.about.startsAt
                      ? `${t(`kind.${m.recipient}.${m.kind}`)} · ${t("about", {
                          client: m.about.clientName,
                          when: when(m.about.startsAt),
                        })}`
                      : t(`kind.${m.recipient}.${m.kind}`))}
                </span>
                <span className="text-slate-600">
                  {t(`to.${m.recipient}`)}
                  {m.toAddress ? ` · ${m.toAddress}` : ""}
                </span>
                <time
                  className="ml-auto text-slate-600"
                  dateTime={(m.sentAt ?? m.sendAfter).toISOString()}
                >
                  {m.sentAt
                    ? when(m.sentAt)
                    : m.status === "queued"
                      ? t("due", { when: when(m.sendAfter) })
                      : when(m.createdAt)}
                </time>
              </div>
              {(m.status === "failed" || m.status === "uncertain") && (
                <form
                  action={retryMessageAction.bind(null, m.id)}
                  className="mt-1 flex flex-wrap items-center gap-2"
                >
                  <span className={m.status === "failed" ? "text-red-800" : "text-amber-900"}>
                    {m.status === "failed"
                      ? `${t("failedAfter", { attempts: m.attempts })} ${m.lastError ?? ""}`
                      : t("uncertainNote")}
                  </span>
                  <button type="submit" className={buttonClass("secondary", "sm")}>
                    {t("retry")}
                  </button>
                </form>
              )}
              {/* Without SMTP, the owner confirms their address from here. */}
              {m.kind === "email_confirmation" && m.payload.link && (
                <a
                  href={m.payload.link}
                  className={buttonClass("primary", "sm", "mt-1 inline-block")}
                >
                  {t("openConfirmation")}
                </a>
              )}
              {m.textBody && (
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs text-slate-600">{t("show")}</summary>
                  <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 font-sans text-sm">
                    {m.textBody}
                  </pre>
                  {m.htmlBody && (
                    <iframe
                      title={t("htmlPart", { subject: m.subject ?? "" })}
                      sandbox=""
                      srcDoc={m.htmlBody}
                      className="mt-2 h-72 w-full rounded border border-slate-200 bg-white"
                    />
                  )}
                  {m.calendarFile && (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs text-slate-600">
                        {t("calendarFile")}
                      </summary>
                      <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs">
                        {m.calendarFile}
                      </pre>
                    </details>
                  )}
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pager
        page={page}
        pages={pages}
        href={pageHref}
        labels={{ nav: t("pages"), previous: "←", next: "→", position: `${page} / ${pages}` }}
      />
    </section>
  );
}
