import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A page the signed-in user's role does not open: inside the dashboard, its menu kept. */
export default async function DashboardForbidden() {
  const t = await getTranslations("errors");
  const ta = await getTranslations("admin");
  return (
    <section className="mx-auto flex max-w-md flex-col items-center gap-4 py-12 text-center">
      <h1 className="text-2xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="text-slate-600">{t("roleForbiddenText")}</p>
      <Link className="font-medium text-brand-600 hover:underline" href="/admin">
        {ta("backToDashboard")}
      </Link>
    </section>
  );
}
