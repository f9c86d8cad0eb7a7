import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { findCurrentTenant } from "./current-tenant";

// No locale in the URL: the interface speaks the business's language; pages with no business
// (an unknown one) follow the browser.
export default getRequestConfig(async () => {
  const tenant = await findCurrentTenant();
  const locale =
    tenant?.locale ?? localeFromAcceptLanguage((await headers()).get("accept-language"));
  const messages = (await import(`@/lib/i18n/messages/${locale}.json`)).default;
  return { locale, messages };
});
