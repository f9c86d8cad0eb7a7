import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { findCurrentTenant } from "@/lib/tenants/current-tenant";
import { localeFromAcceptLanguage } from "./locales";

// No locale in the URL: the interface speaks the business's language; pages with no business
// (an unknown one) follow the browser.
export default getRequestConfig(async () => {
  const tenant = await findCurrentTenant();
  const locale =
    tenant?.locale ?? localeFromAcceptLanguage((await headers()).get("accept-language"));
  const messages = (await import(`./messages/${locale}.json`)).default;
  return { locale, messages };
});
