import { getTranslations } from "next-intl/server";

/**
 * What a customer is told of a refusal, in the page's language: the one sentence of its error code
 * for customers (`customerErrors`), or a plain "that did not work" for a code they need not know.
 */
export async function customerErrorText(code: string): Promise<string> {
  const t = await getTranslations("customerErrors");
  return t.has(code) ? t(code) : t("failed");
}
