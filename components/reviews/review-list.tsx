import { useTranslations } from "next-intl";

export interface ShownReview {
  id: string;
  rating: number;
  comment: string | null;
  author: string;
  date: string;
  reply: string | null;
  businessName: string;
}

/** Stars as text (★★★★☆) with what a screen reader says. */
export function Stars({ rating, label }: { rating: number; label: string }) {
  return (
    <span role="img" aria-label={label} className="text-amber-500">
      {"★".repeat(rating)}
      <span className="text-slate-300">{"★".repeat(5 - rating)}</span>
    </span>
  );
}

/** Reviews as the public reads them: stars, plain text (no link is clickable), the reply. */
export function ReviewList({ reviews }: { reviews: ShownReview[] }) {
  const t = useTranslations("reviews");
  return (
    <ul className="grid gap-3">
      {reviews.map((r) => (
        <li key={r.id} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <p className="flex flex-wrap items-center gap-2">
            <Stars rating={r.rating} label={t("stars", { count: r.rating })} />
            <span className="font-medium">{r.author}</span>
            <span className="text-sm text-slate-500">{r.date}</span>
          </p>
          {r.comment ? <p className="mt-2 whitespace-pre-line">{r.comment}</p> : null}
          {r.reply ? (
            <div className="mt-3 border-l-2 border-slate-200 pl-3 text-sm text-slate-700">
              <p className="font-medium">{t("replyFrom", { business: r.businessName })}</p>
              <p className="whitespace-pre-line">{r.reply}</p>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
