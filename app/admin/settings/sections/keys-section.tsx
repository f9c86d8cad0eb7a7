import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApiKeyCreator } from "@/components/admin/api-key-creator";
import { ConfirmRow } from "@/components/admin/confirm-row";
import { Card } from "@/components/ui/card";
import type { Tenant } from "@/db/schema";
import type { PublicApiKey } from "@/lib/api-keys/api-keys";
import { formatDateTime } from "@/lib/i18n/format";
import { createKeyAction, revokeKeyAction } from "../actions";

/** The business's API keys: when each was last used, revoking one, creating one. */
export async function KeysSection(props: {
  tenant: Tenant;
  keys: PublicApiKey[];
  canManage: boolean;
  /** The key whose revocation is being confirmed. */
  confirmRevoke?: string;
  message: React.ReactNode;
}) {
  const { tenant, canManage } = props;
  const [t, tf] = await Promise.all([
    getTranslations("admin.settings"),
    getTranslations("admin.forms"),
  ]);
  return (
    <Card id="keys" title={t("apiKeys")} titleId="keys-title">
      {props.keys.length === 0 && <p className="mt-2 text-sm text-slate-600">{t("noKeys")}</p>}
      <ul className="mt-2 divide-y divide-slate-100 text-sm">
        {props.keys.map((k) => (
          <li key={k.id} className="flex flex-wrap items-center gap-3 py-2">
            <span className="flex-1">
              {k.name} · <code>rvz_{k.prefix}_…</code> ·{" "}
              {k.scope === "read" ? t("scopeRead") : t("scopeWrite")}
              <span className="block text-xs text-slate-600">
                {t("lastUsed", {
                  when: k.lastUsedAt
                    ? formatDateTime(k.lastUsedAt, tenant.timeZone, tenant.locale)
                    : t("never"),
                })}
              </span>
            </span>
            {k.revokedAt ? (
              <span className="text-slate-500">{t("revoked")}</span>
            ) : canManage && props.confirmRevoke === k.id ? (
              <ConfirmRow
                action={revokeKeyAction.bind(null, k.id)}
                question={t("revokeQuestion")}
                confirmLabel={t("revoke")}
                keepHref="/admin/settings#keys"
                keepLabel={tf("keep")}
              />
            ) : (
              canManage && (
                <Link
                  href={`/admin/settings?revoke=${k.id}#keys`}
                  className="rounded-md border border-red-300 px-3 py-1 text-red-800 hover:bg-red-50"
                >
                  {t("revoke")}
                </Link>
              )
            )}
          </li>
        ))}
      </ul>
      {props.message}
      {canManage && (
        <div className="mt-3">
          <ApiKeyCreator
            action={createKeyAction}
            labels={{
              keyName: t("keyName"),
              scope: t("scope"),
              scopeWrite: t("scopeWrite"),
              scopeRead: t("scopeRead"),
              createKey: t("createKey"),
              keyCreated: t("keyCreated"),
              newKey: t("newKey"),
              copy: t("copy"),
              copied: t("copied"),
              failed: tf("failed"),
            }}
          />
        </div>
      )}
    </Card>
  );
}
