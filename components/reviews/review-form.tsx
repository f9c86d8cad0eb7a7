import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

/**
 * Rating a completed appointment: five choices and a comment, a plain form (it works without
 * JavaScript). `id` keeps several on one page apart.
 */
export function ReviewForm(props: { id: string; action: (form: FormData) => Promise<void> }) {
  const t = useTranslations("reviews");
  return (
    <form action={props.action} className="mt-3 space-y-3">
      <fieldset>
        <legend className="text-sm font-medium">{t("rating")}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {[5, 4, 3, 2, 1].map((n) => (
            <label
              key={n}
              className="flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="rating" value={n} required />
              <span aria-hidden="true">{"★".repeat(n)}</span>
              <span className="sr-only">{t("stars", { count: n })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor={`${props.id}-comment`} className="block text-sm font-medium">
        {t("comment")}
      </label>
      <textarea
        id={`${props.id}-comment`}
        name="comment"
        maxLength={1000}
        rows={3}
        className="block w-full rounded-md border border-slate-300 px-3 py-2"
      />
      <button type="submit" className={buttonClass("brand", "md")}>
        {t("send")}
      </button>
    </form>
  );
}
