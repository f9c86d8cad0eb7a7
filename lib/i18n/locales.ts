export const locales = ["fr", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "fr";

/** The language an Accept-Language header asks for first, if it is one of ours; else `fallback`. */
export function localeFromAcceptLanguage(
  header: string | null | undefined,
  fallback: Locale = defaultLocale,
): Locale {
  const first = header?.split(",")[0]?.trim().toLowerCase() ?? "";
  return locales.find((locale) => first.startsWith(locale)) ?? fallback;
}
