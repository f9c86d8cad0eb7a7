import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetForm } from "@/components/auth/password-forms";
import { SkipLink } from "@/components/ui/skip-link";
import { currentTenant } from "@/lib/access/current-tenant";
import { pageTitle } from "@/lib/i18n/page-title";
import { resetPasswordAction } from "./actions";

export const generateMetadata = pageTitle("passwordReset.resetTitle");

export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const tenant = await currentTenant();
  const { token } = await params;
  const [t, failures] = await Promise.all([
    getTranslations("passwordReset"),
    getTranslations("failures"),
  ]);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center p-6">
      <SkipLink />
      <div className="rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-2xl font-semibold">{t("resetTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("resetIntro", { business: tenant.name })}</p>
        <ResetForm
          action={resetPasswordAction.bind(null, token.slice(0, 100))}
          labels={{
            password: t("newPassword"),
            confirm: t("confirmPassword"),
            submit: t("save"),
            short: t("short"),
            mismatch: t("mismatch"),
            LINK_INVALID: failures("LINK_INVALID"),
            failed: failures("failed"),
          }}
        />
        <p className="mt-6 text-sm">
          <Link href="/forgot-password" className="underline">
            {t("askAgain")}
          </Link>
        </p>
      </div>
    </main>
  );
}
