import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConfirmRow } from "@/components/admin/confirm-row";
import { SecretRotator } from "@/components/admin/secret-rotator";
import { WebhookForm } from "@/components/admin/webhook-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { requirePageCaller } from "@/lib/access/page-caller";
import { adminLabels, failureTexts } from "@/lib/admin/form-labels";
import { getDb } from "@/lib/db";
import { cursorSchema } from "@/lib/http/cursor";
import { firstParam, orUndefinedIfNotFound, type SearchParams } from "@/lib/http/page-params";
import { pageTitle } from "@/lib/i18n/page-title";
import { uuidSchema } from "@/lib/validation";
import { getWebhook } from "@/lib/webhooks/endpoints";
import { webhookEventTypes } from "@/lib/webhooks/event-types";
import { listDeliveries } from "@/lib/webhooks/log";
import {
  deleteWebhookAction,
  rotateSecretAction,
  sendTestAction,
  setWebhookEnabledAction,
  updateWebhookAction,
} from "../actions";
import { EndpointState } from "../endpoint-state";
import { DeliveryLog } from "./delivery-log";

export const generateMetadata = pageTitle("admin.nav.webhooks");

const LOG_PAGE = 20;
const card = "rounded-lg border border-slate-200 bg-white p-4";
const plainButton = buttonClass("secondary", "sm");

export default async function WebhookPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { tenant } = await requirePageCaller("manage");
  const db = await getDb();
  const id = uuidSchema.safeParse((await params).id).data;
  const endpoint = id && (await orUndefinedIfNotFound(getWebhook(db, tenant.id, id)));
  if (!id || !endpoint) notFound();
  const query = await searchParams;
  const cursor = cursorSchema.safeParse(firstParam(query.cursor) ?? "");
  const [t, labels, failed, log] = await Promise.all([
    getTranslations("admin.webhooks"),
    adminLabels("webhooks"),
    failureTexts(),
    listDeliveries(db, tenant.id, id, {
      limit: LOG_PAGE,
      after: cursor.success ? cursor.data : undefined,
    }),
  ]);
  const done = firstParam(query.done);
  const error = firstParam(query.error);
  const here = `/admin/settings/webhooks/${id}`;
  return (
    <section className="space-y-6">
      <div>
        <Link href="/admin/settings/webhooks" className="text-sm underline">
          ← {t("back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold [overflow-wrap:anywhere]">
          <code>{endpoint.url}</code>
        </h1>
        {endpoint.description && <p className="text-sm text-slate-700">{endpoint.description}</p>}
        <EndpointState endpoint={endpoint} tenant={tenant} />
      </div>
      {done && (
        <Notice kind="ok">{done === "testSent" || done === "resent" ? t(done) : t("saved")}</Notice>
      )}
      {error && <Notice kind="error">{failed(error)}</Notice>}

      <div className="flex flex-wrap gap-2">
        <form action={setWebhookEnabledAction.bind(null, id, !endpoint.enabled)}>
          <Button type="submit" variant="secondary" size="sm">
            {endpoint.enabled ? t("turnOff") : t("turnOn")}
          </Button>
        </form>
        <form action={sendTestAction.bind(null, id)}>
          <Button type="submit" variant="secondary" size="sm">
            {t("sendTest")}
          </Button>
        </form>
        <Link href={`${here}?rotate=1`} className={plainButton}>
          {t("rotate")}
        </Link>
        <Link
          href={`${here}?remove=1`}
          className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-800 hover:bg-red-50"
        >
          {t("delete")}
        </Link>
      </div>
      {firstParam(query.rotate) && (
        <SecretRotator action={rotateSecretAction.bind(null, id)} keepHref={here} labels={labels} />
      )}
      {firstParam(query.remove) && (
        <ConfirmRow
          action={deleteWebhookAction.bind(null, id)}
          question={t("deleteQuestion")}
          confirmLabel={t("delete")}
          keepHref={here}
          keepLabel={labels.keep ?? "Keep"}
        />
      )}

      <section aria-labelledby="log-title" className={card}>
        <h2 id="log-title" className="text-lg font-semibold">
          {t("log")}
        </h2>
        {log.items.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("logEmpty")}</p>
        ) : (
          <DeliveryLog endpointId={id} items={log.items} tenant={tenant} />
        )}
        <nav className="mt-3 flex gap-3 text-sm" aria-label={t("log")}>
          {cursor.success && (
            <Link href={here} className="underline">
              {t("newest")}
            </Link>
          )}
          {log.pagination.nextCursor && (
            <Link href={`${here}?cursor=${log.pagination.nextCursor}`} className="underline">
              {t("older")}
            </Link>
          )}
        </nav>
      </section>

      <section aria-labelledby="edit-title" className={card}>
        <h2 id="edit-title" className="text-lg font-semibold">
          {t("editTitle")}
        </h2>
        <WebhookForm
          action={updateWebhookAction.bind(null, id)}
          initialState={{
            attempt: 0,
            values: {
              url: endpoint.url,
              description: endpoint.description,
              events: endpoint.events,
            },
            problems: {},
          }}
          eventTypes={webhookEventTypes}
          submitLabel={t("save")}
          labels={labels}
        />
      </section>
    </section>
  );
}
