import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("manage.erasedTitle");

/** Where a customer lands once their data is erased: their link no longer works. */
export default async function ErasedPage() {
  const t = await getTranslations("manage");
  return (
    <section className="mx-auto max-w-xl rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-semibold">{t("erasedTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("erasedText")}</p>
      <Link href="/" className="mt-4 inline-block underline">
        {t("bookAgain")}
      </Link>
    </section>
  );
}
