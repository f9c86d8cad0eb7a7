import { useTranslations } from "next-intl";

/** The first thing a keyboard reaches on every page: a jump past the header to `#main`. */
export function SkipLink() {
  const t = useTranslations("common");
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:font-medium focus:shadow"
    >
      {t("skipToContent")}
    </a>
  );
}
