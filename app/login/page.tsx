import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { Notice } from "@/components/ui/notice";
import { SkipLink } from "@/components/ui/skip-link";
import { currentTenant } from "@/lib/access/current-tenant";
import { hasLiveSession } from "@/lib/access/page-caller";
import { env } from "@/lib/env";
import { firstParam, type SearchParams } from "@/lib/http/page-params";
import { pageTitle } from "@/lib/i18n/page-title";
import { TENANT_BY_DEFAULT_HEADER } from "@/lib/tenants/resolve-tenant-slug";

export const generateMetadata = pageTitle("login.title");

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const tenant = await currentTenant();
  const changed = firstParam((await searchParams).changed) === "1";
  if (await hasLiveSession(tenant)) redirect("/admin");
  const [t, tr, requestHeaders] = await Promise.all([
    getTranslations("login"),
    getTranslations("passwordReset"),
    headers(),
  ]);
  // On the platform's bare address no business was named: the page is not the default one's.
  const unnamed = requestHeaders.get(TENANT_BY_DEFAULT_HEADER) === "1";
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center p-6">
      <SkipLink />
      <div className="rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {unnamed ? t("subtitleAny") : t("subtitle", { business: tenant.name })}
        </p>
        {changed && (
          <Notice kind="ok" className="mt-4">
            {t("changed")}
          </Notice>
        )}
        <LoginForm
          tenantSlug={tenant.slug}
          labels={{
            email: t("email"),
            password: t("password"),
            submit: t("submit"),
            submitting: t("submitting"),
            invalid: t("invalid"),
            failed: t("failed"),
            tooMany: t("tooMany"),
            elsewhere: unnamed ? t("elsewhereAny") : t("elsewhere", { business: tenant.name }),
            elsewhereLink: t("elsewhereLink"),
          }}
        />
        <p className="mt-4 text-sm">
          <Link href="/forgot-password" className="underline">
            {tr("forgotLink")}
          </Link>
        </p>
        {env().registrationOpen && (
          <p className="mt-2 text-sm text-slate-600">
            {t("newBusiness")}{" "}
            <Link href="/signup" className="underline">
              {t("signupLink")}
            </Link>
          </p>
        )}
      </div>
    </main>
  );
}
