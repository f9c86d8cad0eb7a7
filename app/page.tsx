import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentTenant } from "@/lib/tenants/current-tenant";

export default async function BusinessPage() {
  const tenant = await currentTenant();
  const t = await getTranslations("home");
  return (
    <main className="mx-auto max-w-3xl p-6">
      <header className="flex items-center justify-between py-6">
        <h1 className="text-3xl font-semibold">{tenant.name}</h1>
        <Link href="/login" className="text-sm text-slate-600 hover:underline">
          {t("staffLink")}
        </Link>
      </header>
      <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 className="text-xl font-medium">{t("title")}</h2>
        <p className="mt-2 text-slate-600">{t("intro")}</p>
      </section>
    </main>
  );
}
