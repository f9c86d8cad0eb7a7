import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotForm } from "@/components/auth/password-forms";
import { SkipLink } from "@/components/ui/skip-link";
import { currentTenant } from "@/lib/access/current-tenant";
import { env } from "@/lib/env";
import { pageTitle } from "@/lib/i18n/page-title";
import { RESET_LINK_MINUTES } from "@/lib/users/link-lifetimes";
import { requestResetAction } from "./actions";

export const generateMetadata = pageTitle("passwordReset.forgotTitle");

export default async function ForgotPasswordPage() {
  const tenant = await currentTenant();
  const t = await getTranslations("passwordReset");
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center p-6">
      <SkipLink />
      <div className="rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-2xl font-semibold">{t("forgotTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("forgotIntro", { business: tenant.name })}</p>
        {/* Without an SMTP server the link could only be read in the outbox, by the owners. */}
        {env().smtpUrl ? (
          <ForgotForm
            action={requestResetAction}
            labels={{
              email: t("email"),
              submit: t("send"),
              sent: t("sent", { minutes: RESET_LINK_MINUTES }),
              tooMany: t("tooMany"),
              invalid: t("invalid"),
            }}
          />
        ) : (
          <p className="mt-6 rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="status">
            {t("noMail")}
          </p>
        )}
        <p className="mt-6 text-sm">
          <Link href="/login" className="underline">
            {t("backToLogin")}
          </Link>
        </p>
      </div>
    </main>
  );
}
