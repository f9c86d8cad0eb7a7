import { getTranslations } from "next-intl/server";
import type { Tenant, WebhookEndpoint } from "@/db/schema";
import { formatDateTime } from "@/lib/i18n/format";

/** Whether an endpoint receives events, why not, and since when it fails. */
export async function EndpointState({
  endpoint,
  tenant,
}: {
  endpoint: WebhookEndpoint;
  tenant: Tenant;
}) {
  const t = await getTranslations("admin.webhooks");
  return (
    <p className="mt-1 flex flex-wrap gap-2 text-xs" data-testid="endpoint-state">
      {endpoint.enabled ? (
        <span className="rounded bg-emerald-50 px-1.5 py-0.5 font-medium text-emerald-800">
          {t("on")}
        </span>
      ) : (
        <span className="rounded bg-slate-100 px-1.5 py-0.5 font-medium text-slate-800">
          {t(`offBecause.${endpoint.disabledReason ?? "owner"}`)}
        </span>
      )}
      {endpoint.failingSince && (
        <span className="rounded bg-red-50 px-1.5 py-0.5 text-red-800">
          {t("failingSince", {
            when: formatDateTime(endpoint.failingSince, tenant.timeZone, tenant.locale),
          })}
        </span>
      )}
    </p>
  );
}
