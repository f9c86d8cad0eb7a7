import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { WebhookForm } from "@/components/admin/webhook-form";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageCaller } from "@/lib/access/page-caller";
import { adminLabels } from "@/lib/admin/form-labels";
import { getDb } from "@/lib/db";
import { firstParam, type SearchParams } from "@/lib/http/page-params";
import { pageTitle } from "@/lib/i18n/page-title";
import { listWebhooks } from "@/lib/webhooks/endpoints";
import { webhookEventTypes } from "@/lib/webhooks/event-types";
import { createWebhookAction } from "./actions";
import { EndpointState } from "./endpoint-state";

export const generateMetadata = pageTitle("admin.nav.webhooks");

const card = "rounded-lg border border-slate-200 bg-white p-4";

export default async function WebhooksPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { tenant } = await requirePageCaller("manage");
  const [t, labels, endpoints] = await Promise.all([
    getTranslations("admin.webhooks"),
    adminLabels("webhooks"),
    listWebhooks(await getDb(), tenant.id),
  ]);
  const done = firstParam((await searchParams).done);
  return (
    <section className="space-y-6">
      <div>
        <Link href="/admin/settings" className="text-sm underline">
          {t("backToSettings")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      </div>
      {done === "deleted" && <Notice kind="ok">{t("deleted")}</Notice>}
      {endpoints.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {endpoints.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-3 px-3 py-3 text-sm">
              <div className="min-w-0 flex-1">
                <p className="font-medium [overflow-wrap:anywhere]">
                  <code>{e.url}</code>
                </p>
                {e.description && <p className="text-slate-700">{e.description}</p>}
                <p className="text-xs text-slate-600">{e.events.join(" · ")}</p>
                <EndpointState endpoint={e} tenant={tenant} />
              </div>
              <Link
                href={`/admin/settings/webhooks/${e.id}`}
                className={buttonClass("secondary", "sm")}
                aria-label={`${t("open")}: ${e.url}`}
              >
                {t("open")}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="add-title" className={card}>
        <h2 id="add-title" className="text-lg font-semibold">
          {t("addTitle")}
        </h2>
        <WebhookForm
          action={createWebhookAction}
          initialState={{
            attempt: 0,
            values: { url: "", description: "", events: [...webhookEventTypes] },
            problems: {},
          }}
          eventTypes={webhookEventTypes}
          submitLabel={t("add")}
          labels={labels}
        />
      </section>
    </section>
  );
}
