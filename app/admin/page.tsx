import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageCaller } from "@/lib/auth/page-caller";

export const metadata: Metadata = { title: "Dashboard" };

export default async function AdminHome() {
  const { tenant, user } = await requirePageCaller();
  const t = await getTranslations("admin.calendar");
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-slate-600">
        {t("welcome", { name: user.name ?? user.email ?? "", business: tenant.name })}
      </p>
    </section>
  );
}
