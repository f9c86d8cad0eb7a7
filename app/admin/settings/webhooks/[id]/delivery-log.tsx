import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import type { Tenant } from "@/db/schema";
import { formatDateTime } from "@/lib/i18n/format";
import type { listDeliveries } from "@/lib/webhooks/log";
import { resendAction } from "../actions";

const statusTone = {
  pending: "bg-amber-50 text-amber-900",
  succeeded: "bg-emerald-50 text-emerald-800",
  failed: "bg-red-50 text-red-800",
} as const;

type Delivery = Awaited<ReturnType<typeof listDeliveries>>["items"][number];

/** An endpoint's deliveries, newest first: each one's status and tries, with "send again". */
export async function DeliveryLog(props: {
  endpointId: string;
  items: Delivery[];
  tenant: Tenant;
}) {
  const t = await getTranslations("admin.webhooks");
  const { tenant } = props;
  const id = props.endpointId;
  const when = (date: Date) => formatDateTime(date, tenant.timeZone, tenant.locale);
  const plainButton = buttonClass("secondary", "sm");
  return (
    <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="delivery-log">
      {props.items.map((d) => (
        <li key={d.id} className="py-2">
          <div className="flex flex-wrap items-center gap-2">
            <code className="font-medium">{d.eventType}</code>
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${statusTone[d.status]}`}>
              {t(`statuses.${d.status}`)}
            </span>
            <span className="text-xs text-slate-600">
              {when(d.createdAt)} · {t("tries")}: {d.attempts}
              {d.status === "pending" && d.attempts > 0
                ? ` · ${t("nextTry", { when: when(d.nextAttemptAt) })}`
                : ""}
            </span>
            <form action={resendAction.bind(null, id, d.id)} className="ml-auto">
              <button type="submit" className={plainButton}>
                {t("resend")}
              </button>
            </form>
          </div>
          {d.tries.length > 0 && (
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-slate-700">
                {t("response")}: {d.tries[0]?.statusCode ?? t("noAnswer")}
              </summary>
              <ol className="mt-1 space-y-2">
                {d.tries.map((a) => (
                  <li key={a.id} className="rounded bg-slate-50 p-2 text-xs">
                    <p>
                      {when(a.attemptedAt)} · <strong>{a.statusCode ?? t("noAnswer")}</strong> ·{" "}
                      {t("duration", { ms: a.durationMs })}
                    </p>
                    {a.error && <p className="text-red-800">{a.error}</p>}
                    {a.responseBody && (
                      <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap [overflow-wrap:anywhere]">
                        {a.responseBody}
                      </pre>
                    )}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
