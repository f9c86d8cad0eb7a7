import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { SignupForm } from "@/components/signup/signup-form";
import { SkipLink } from "@/components/ui/skip-link";
import { env } from "@/lib/env";
import { pageTitle } from "@/lib/i18n/page-title";
import { timeZoneOptions } from "@/lib/i18n/time-zones";
import { ownHostLink } from "@/lib/tenants/booking-link";
import { passwordStrengthAction, signUpAction } from "./actions";

export const generateMetadata = pageTitle("signup.title");

export default async function SignupPage() {
  const config = env();
  const [t, ts, locale] = await Promise.all([
    getTranslations("signup"),
    getTranslations("admin.settings"),
    getLocale(),
  ]);
  return (
    <main
      id="main"
      className="mx-auto flex min-h-screen max-w-xl flex-col justify-center p-4 sm:p-6"
    >
      <SkipLink />
      <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {config.registrationOpen ? (
          <>
            <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
            <SignupForm
              labels={{
                intro: t("intro"),
                businessName: t("businessName"),
                ownerName: t("ownerName"),
                email: t("email"),
                password: t("password"),
                passwordHint: t("passwordHint"),
                slug: t("slug"),
                slugChecking: t("slugChecking"),
                slugFree: t("slugFree"),
                slugTaken: t("slugTaken"),
                slugInvalid: t("slugInvalid"),
                timeZone: t("timeZone"),
                timeZoneHint: t("timeZoneHint"),
                locale: t("locale"),
                strength: t("strength"),
                strength0: t("strength0"),
                strength1: t("strength1"),
                strength2: t("strength2"),
                strength3: t("strength3"),
                strength4: t("strength4"),
                honeypot: t("honeypot"),
                submit: t("submit"),
                submitting: t("submitting"),
                signInFailed: t("signInFailed"),
                confirmTitle: ts("confirmTitle"),
                confirmAutomatic: ts("confirmAutomatic"),
                confirmManual: ts("confirmManual"),
              }}
              timeZones={timeZoneOptions(new Date())}
              defaultLocale={locale === "fr" ? "fr" : "en"}
              addressTemplate={ownHostLink(await headers(), undefined, config.appRootDomain)}
              signUp={signUpAction}
              strengthOf={passwordStrengthAction}
            />
          </>
        ) : (
          <p className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="status">
            {t("closed")}
          </p>
        )}
        <p className="mt-6 text-sm text-slate-600">{t("haveAccount")}</p>
      </div>
    </main>
  );
}
