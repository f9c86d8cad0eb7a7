import { getTranslations } from "next-intl/server";
import type { Tenant } from "@/db/schema";
import { getDb } from "@/lib/db";
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { listReviews, reviewSummary } from "@/lib/reviews";
import { dayInZone } from "@/lib/scheduling/calendar-day";
import { ReviewList, Stars } from "./review-list";

/** The business page's reviews: the average, the count and the latest three; nothing without any. */
export async function BusinessReviews({ tenant, locale }: { tenant: Tenant; locale: Locale }) {
  const db = await getDb();
  const [t, summary, latest] = await Promise.all([
    getTranslations("reviews"),
    reviewSummary(db, tenant.id),
    listReviews(db, tenant, {}, { limit: 3 }),
  ]);
  if (!summary.count || summary.average === null) return null;
  const average = summary.average.toLocaleString(locale, { maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="reviews" className="mt-8">
      <h2 id="reviews" className="text-xl font-semibold">
        {t("latest")}
      </h2>
      <p className="mt-1 flex items-center gap-2 text-slate-700" data-testid="review-summary">
        <Stars
          rating={Math.round(summary.average)}
          label={t("average", { average, count: summary.count })}
        />
        <span aria-hidden="true">{t("average", { average, count: summary.count })}</span>
      </p>
      <div className="mt-3">
        <ReviewList
          reviews={latest.items.map((r) => ({
            id: r.id,
            rating: r.rating,
            comment: r.comment,
            author: r.authorName,
            date: formatDay(dayInZone(r.createdAt.getTime(), tenant.timeZone), locale, "long"),
            reply: r.reply,
            businessName: tenant.name,
          }))}
        />
      </div>
    </section>
  );
}
