import type { Locale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";

// What is wrong with a field, for integrators: a key of the messages files' `fieldErrors`, with
// its values, written in the caller's language only when the answer is sent.

export type FieldErrorKey = keyof typeof en.fieldErrors;

/**
 * A field's detail: a plain value (a reason code, a time), or a text of `fieldErrors` with its
 * values, written in the caller's language when sent.
 */
export type DetailText = string | { text: FieldErrorKey; values?: Record<string, string | number> };

export const isFieldErrorKey = (text: string): text is FieldErrorKey =>
  Object.hasOwn(en.fieldErrors, text);

const texts = { en: en.fieldErrors, fr: fr.fieldErrors };

function render(detail: DetailText, locale: Locale): string {
  if (typeof detail === "string") return detail;
  return texts[locale][detail.text].replace(/\{(\w+)\}/g, (whole, name: string) =>
    String(detail.values?.[name] ?? whole),
  );
}

/** An error's details as sent: each field's text in `locale`. */
export function renderDetails(
  details: Record<string, DetailText>,
  locale: Locale,
): Record<string, string> {
  return Object.fromEntries(Object.entries(details).map(([key, d]) => [key, render(d, locale)]));
}
