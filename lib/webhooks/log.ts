import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import {
  type WebhookAttempt,
  type WebhookDelivery,
  webhookAttempts,
  webhookDeliveries,
  webhookEvents,
} from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { type CursorKey, keyTime, toPage } from "@/lib/http/cursor";
import { getWebhook } from "./endpoints";
import { TEST_EVENT } from "./event-types";

/** Tries shown per delivery in the log: its latest. */
const ATTEMPTS_SHOWN = 10;

/** Deliveries with the type of their event. */
const withEventType = (db: Database) =>
  db
    .select({ delivery: webhookDeliveries, eventType: webhookEvents.type })
    .from(webhookDeliveries)
    .innerJoin(
      webhookEvents,
      and(
        eq(webhookEvents.tenantId, webhookDeliveries.tenantId),
        eq(webhookEvents.id, webhookDeliveries.eventId),
      ),
    );

export type LoggedDelivery = WebhookDelivery & { eventType: string; tries: WebhookAttempt[] };

/** An endpoint's deliveries, latest first, each with its latest tries. */
export async function listDeliveries(
  db: Database,
  tenantId: string,
  endpointId: string,
  page: { limit: number; after?: CursorKey },
) {
  await getWebhook(db, tenantId, endpointId);
  const rows = await withEventType(db)
    .where(
      and(
        eq(webhookDeliveries.tenantId, tenantId),
        eq(webhookDeliveries.endpointId, endpointId),
        page.after
          ? sql`(${keyTime(webhookDeliveries.createdAt)}, ${webhookDeliveries.id}) < (${page.after.at.toISOString()}::timestamptz, ${page.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(keyTime(webhookDeliveries.createdAt)), desc(webhookDeliveries.id))
    .limit(page.limit + 1);
  const ids = rows.map((r) => r.delivery.id);
  const tries = ids.length
    ? await db
        .select()
        .from(webhookAttempts)
        .where(
          and(eq(webhookAttempts.tenantId, tenantId), inArray(webhookAttempts.deliveryId, ids)),
        )
        .orderBy(desc(webhookAttempts.attemptedAt))
    : [];
  const deliveries: LoggedDelivery[] = rows.map((r) => ({
    ...r.delivery,
    eventType: r.eventType,
    tries: tries.filter((t) => t.deliveryId === r.delivery.id).slice(0, ATTEMPTS_SHOWN),
  }));
  return toPage(deliveries, page.limit, (d) => ({ at: d.createdAt, id: d.id }));
}

export function toDeliveryJson(d: LoggedDelivery) {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    tries: d.tries.map((t) => ({
      at: t.attemptedAt.toISOString(),
      statusCode: t.statusCode,
      durationMs: t.durationMs,
      responseBody: t.responseBody,
      error: t.error,
    })),
  };
}

/**
 * Sends an event to an endpoint again, as a new delivery with its own tries: same event id, so a
 * receiver that had it already can tell.
 */
export async function resendDelivery(
  db: Database,
  tenantId: string,
  endpointId: string,
  deliveryId: string,
  now: Date,
): Promise<LoggedDelivery> {
  await getWebhook(db, tenantId, endpointId);
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into ${webhookDeliveries}
          (tenant_id, endpoint_id, event_id, seq, subject_id, next_attempt_at)
        select tenant_id, endpoint_id, event_id, seq, subject_id, ${now.toISOString()}::timestamptz
        from ${webhookDeliveries}
        where tenant_id = ${tenantId} and endpoint_id = ${endpointId} and id = ${deliveryId}
        returning id`,
  );
  if (!row) throw new AppError("NOT_FOUND");
  return deliveryById(db, tenantId, row.id);
}

/** A `webhook.test` event, to this endpoint only, whatever events it is subscribed to. */
export async function sendTestEvent(
  db: Database,
  tenantId: string,
  endpointId: string,
  now: Date,
): Promise<LoggedDelivery> {
  await getWebhook(db, tenantId, endpointId);
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`with event as (
          insert into ${webhookEvents} (tenant_id, type, data, created_at)
          values (${tenantId}, ${TEST_EVENT},
            ${JSON.stringify({ message: "A test event: this endpoint receives Rendezvous webhooks." })}::jsonb,
            ${now.toISOString()}::timestamptz)
          returning id, seq
        )
        insert into ${webhookDeliveries} (tenant_id, endpoint_id, event_id, seq, next_attempt_at)
        select ${tenantId}, ${endpointId}, id, seq, ${now.toISOString()}::timestamptz from event
        returning id`,
  );
  if (!row) throw new Error("insert returned no row");
  return deliveryById(db, tenantId, row.id);
}

/** A delivery just queued, as the log shows it (no tries yet). */
async function deliveryById(db: Database, tenantId: string, id: string): Promise<LoggedDelivery> {
  const [row] = await withEventType(db).where(
    and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, id)),
  );
  if (!row) throw new AppError("NOT_FOUND");
  return { ...row.delivery, eventType: row.eventType, tries: [] };
}
