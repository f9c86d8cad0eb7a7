import type { Locale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import type { ErrorCode } from "./app-error";

// The API's texts live with every other text, in the messages files (`errorCodes`, `apiTexts`);
// the French ones are the contract's own.
const messages = { fr, en };

export const errorMessage = (code: ErrorCode, locale: Locale): string =>
  messages[locale].errorCodes[code];

/** A success message of the API, in the business's language. */
export const apiText = (key: keyof typeof en.apiTexts, locale: Locale): string =>
  messages[locale].apiTexts[key];
