import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getDb } from "@/lib/db";
import { findTenantBySlug } from "@/lib/tenants/find-tenant";
import { TENANT_HEADER } from "@/lib/tenants/resolve-tenant-slug";
import { defaultLocale, type Locale, localeFromAcceptLanguage } from "./locales";

// No locale in the URL: the interface speaks the business's language; pages with no business
// (an unknown one) follow the browser.
async function requestLocale(): Promise<Locale> {
  const h = await headers();
  const slug = h.get(TENANT_HEADER);
  const tenant = slug ? await findTenantBySlug(await getDb(), slug) : undefined;
  return tenant?.locale ?? localeFromAcceptLanguage(h.get("accept-language")) ?? defaultLocale;
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  const messages = (await import(`./messages/${locale}.json`)).default;
  return { locale, messages };
});
