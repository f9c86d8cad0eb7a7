import type { Locale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";

const texts = { en: en.errors, fr: fr.errors };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The polite page a browser gets over a limit, in the business's language. */
export function tooManyRequestsPage(
  locale: Locale,
  businessName: string | undefined,
  retryAfterSeconds: number,
) {
  const t = texts[locale];
  const title = escapeHtml(t.tooManyTitle);
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}${businessName ? ` · ${escapeHtml(businessName)}` : ""}</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;margin:0;display:grid;place-items:center;min-height:100vh}main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.5rem}p{color:#475569;line-height:1.5}</style>
</head><body><main>${businessName ? `<p>${escapeHtml(businessName)}</p>` : ""}<h1>${title}</h1><p>${escapeHtml(t.tooManyText)}</p><p>${escapeHtml(t.tooManyRetry.replace("{seconds}", String(retryAfterSeconds)))}</p></main></body></html>`;
}
