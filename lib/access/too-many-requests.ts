import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";
import { type Locale, localeFromAcceptLanguage } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { metrics } from "@/lib/metrics";
import type { LimitState } from "@/lib/rate-limit/limiters";
import { findTenantBySlug } from "@/lib/tenants";

const texts = { en: en.errors, fr: fr.errors };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The polite page a browser gets over a limit, in the business's language. */
function tooManyRequestsPage(locale: Locale, businessName: string | undefined, retryAfter: number) {
  const t = texts[locale];
  const title = escapeHtml(t.tooManyTitle);
  const business = businessName ? escapeHtml(businessName) : undefined;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}${business ? ` · ${business}` : ""}</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;margin:0;display:grid;place-items:center;min-height:100vh}main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.5rem}p{color:#475569;line-height:1.5}</style>
</head><body><main>${business ? `<p>${business}</p>` : ""}<h1>${title}</h1><p>${escapeHtml(t.tooManyText)}</p><p>${escapeHtml(t.tooManyRetry.replace("{seconds}", String(retryAfter)))}</p></main></body></html>`;
}

/**
 * The answer to a request over its limit: 429 JSON `RATE_LIMIT_EXCEEDED` on the API, a page
 * elsewhere, in the business's language when the request names one.
 */
export async function tooManyRequests(
  request: Request,
  slug: string | null,
  limit: LimitState,
): Promise<NextResponse> {
  metrics().rateLimited.inc({ limit: limit.limit });
  const tenant = slug
    ? await findTenantBySlug(await getDb(), slug).catch(() => undefined)
    : undefined;
  const locale = tenant?.locale ?? localeFromAcceptLanguage(request.headers.get("accept-language"));
  if (new URL(request.url).pathname.startsWith("/api/")) {
    return errorResponse(new AppError("RATE_LIMIT_EXCEEDED"), locale);
  }
  const retryAfter = Math.max(1, Math.ceil((limit.resetAt - Date.now()) / 1000));
  return new NextResponse(tooManyRequestsPage(locale, tenant?.name, retryAfter), {
    status: 429,
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });
}
