import { getLocale, getTranslations } from "next-intl/server";
import { Stars } from "@/components/reviews/review-list";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageCaller } from "@/lib/access/page-caller";
import { getDb } from "@/lib/db";
import { errorMessage } from "@/lib/errors/messages";
import { cursorSchema } from "@/lib/http/cursor";
import { firstParam, hrefWith, type SearchParams } from "@/lib/http/page-params";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { pageTitle } from "@/lib/i18n/page-title";
import { listReviews, reviewSummary } from "@/lib/reviews";
import { hideAction, replyAction } from "./actions";

export const generateMetadata = pageTitle("admin.nav.reviews");

/** Every review of the business, hidden ones too: reply once, or hide one with a reason. */
export default async function ReviewsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { tenant } = await requirePageCaller("manage");
  const query = await searchParams;
  const after = cursorSchema.safeParse(firstParam(query.after)).data;
  const db = await getDb();
  const [t, tr, locale, page, summary] = await Promise.all([
    getTranslations("admin.reviews"),
    getTranslations("reviews"),
    getLocale() as Promise<Locale>,
    listReviews(db, tenant, { withHidden: true }, { after, limit: 25 }),
    reviewSummary(db, tenant.id),
  ]);
  const done = firstParam(query.done);
  const error = firstParam(query.error);
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-slate-600">
        {summary.average === null
          ? t("lead")
          : tr("average", {
              average: summary.average.toLocaleString(locale, { maximumFractionDigits: 1 }),
              count: summary.count,
            })}
      </p>
      {done && (
        <Notice kind="ok" className="mt-3">
          {t(done === "hidden" ? "hidden" : "replied")}
        </Notice>
      )}
      {error && (
        <Notice kind="error" className="mt-3">
          {errorMessage(error as Parameters<typeof errorMessage>[0], locale) ?? t("failed")}
        </Notice>
      )}
      {page.items.length === 0 ? (
        <EmptyState className="mt-4">{tr("none")}</EmptyState>
      ) : (
        <ul className="mt-4 grid gap-3">
          {page.items.map((r) => (
            <li
              key={r.id}
              className="rounded-lg border border-slate-200 bg-white p-4"
              data-testid="admin-review"
            >
              <p className="flex flex-wrap items-center gap-2">
                <Stars rating={r.rating} label={tr("stars", { count: r.rating })} />
                <span className="font-medium">{r.authorName}</span>
                <span className="text-sm text-slate-500">
                  {formatDateTime(r.createdAt, tenant.timeZone, locale)}
                </span>
                {r.hiddenAt ? (
                  <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs">
                    {t("hiddenBadge", { reason: r.hiddenReason ?? "" })}
                  </span>
                ) : null}
              </p>
              {r.comment ? <p className="mt-2 whitespace-pre-line">{r.comment}</p> : null}
              {r.reply ? (
                <p className="mt-2 border-l-2 border-slate-200 pl-3 text-sm whitespace-pre-line text-slate-700">
                  {r.reply}
                </p>
              ) : (
                <form action={replyAction.bind(null, r.id)} className="mt-3 flex flex-col gap-2">
                  <label htmlFor={`reply-${r.id}`} className="text-sm font-medium">
                    {t("reply")}
                  </label>
                  <textarea
                    id={`reply-${r.id}`}
                    name="reply"
                    required
                    maxLength={1000}
                    rows={2}
                    className="rounded-md border border-slate-300 px-3 py-2"
                  />
                  <button type="submit" className={buttonClass("secondary", "sm", "self-start")}>
                    {t("sendReply")}
                  </button>
                </form>
              )}
              {r.hiddenAt ? null : (
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm text-red-800">{t("hide")}</summary>
                  <form action={hideAction.bind(null, r.id)} className="mt-2 flex flex-col gap-2">
                    <label htmlFor={`hide-${r.id}`} className="text-sm font-medium">
                      {t("reason")}
                    </label>
                    <input
                      id={`hide-${r.id}`}
                      name="reason"
                      required
                      maxLength={300}
                      className="rounded-md border border-slate-300 px-3 py-2"
                    />
                    <button type="submit" className={buttonClass("danger", "sm", "self-start")}>
                      {t("confirmHide")}
                    </button>
                  </form>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {page.pagination.nextCursor ? (
        <a
          href={hrefWith("/admin/reviews", { after: page.pagination.nextCursor })}
          className={buttonClass("secondary", "md", "mt-4 inline-flex")}
        >
          {t("more")}
        </a>
      ) : null}
    </section>
  );
}
