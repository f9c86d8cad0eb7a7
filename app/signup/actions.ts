"use server";

import { headers } from "next/headers";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { SignUpResult } from "@/components/signup/signup-form";
import { getDb } from "@/lib/db";
import { problemText } from "@/lib/errors/field-problems";
import { toAppError } from "@/lib/errors/to-app-error";
import { expectArgs, isText } from "@/lib/http/action-args";
import type { Locale } from "@/lib/i18n/locales";
import { type PasswordStrength, passwordStrength } from "@/lib/signup/password-strength";
import type { RegisterInput } from "@/lib/signup/schema";
import { signUp } from "@/lib/signup/sign-up";

/** Signs the business up; on a refusal, the form's texts for it, in the page's language. */
export async function signUpAction(input: RegisterInput): Promise<SignUpResult> {
  expectArgs(typeof input === "object" && input !== null);
  try {
    const { tenant } = await signUp(await getDb(), input, await headers());
    return { ok: true, slug: tenant.slug };
  } catch (error) {
    const appError = toAppError(error);
    const [messages, failures, t] = await Promise.all([
      getMessages(),
      getTranslations("failures"),
      getTranslations("signup"),
    ]);
    const texts = messages.problems as Record<string, string>;
    const fieldProblems = { ...appError.problems };
    // A slug taken between the check and the click is a conflict, not a field's format.
    if (appError.code === "CONFLICT") fieldProblems.slug = { kind: "taken" };
    if (fieldProblems.slug?.kind === "invalid") fieldProblems.slug = { kind: "slugInvalid" };
    return {
      ok: false,
      failure:
        appError.code === "VALIDATION_ERROR" || appError.code === "CONFLICT"
          ? t("fixFields")
          : appError.code === "RATE_LIMIT_EXCEEDED"
            ? t("tooMany")
            : failures.has(appError.code)
              ? failures(appError.code as "failed")
              : failures("failed"),
      problems: Object.fromEntries(
        Object.entries(fieldProblems).map(([field, problem]) => [
          field,
          problemText(problem, texts),
        ]),
      ),
    };
  }
}

/** How guessable the password being typed is, with zxcvbn's advice in the page's language. */
export async function passwordStrengthAction(
  password: string,
  userInputs: string[],
): Promise<PasswordStrength> {
  expectArgs(isText(password) && Array.isArray(userInputs));
  return passwordStrength(
    String(password).slice(0, 200),
    userInputs.slice(0, 5).map((s) => String(s).slice(0, 200)),
    (await getLocale()) as Locale,
  );
}
