import { and, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import type { Database } from "@/db/client";
import {
  tenants,
  type WebhookEndpoint,
  type WebhookEvent,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
  webhookEvents,
} from "@/db/schema";
import { type Claimed, claimDue } from "@/lib/jobs/claim-due";
import { RetrySchedule } from "@/lib/jobs/retry-schedule";
import { logger } from "@/lib/logger";
import { owedOnWebhookDisabled, writeOwed } from "@/lib/outbox";
import { HOUR_MS, SECOND_MS } from "@/lib/scheduling/durations";
import { appointmentData } from "./appointment-events";
import { customerData } from "./customer-events";
import { KEPT_BODY_BYTES, type PostResult, postWebhook } from "./post";

/**
 * The Standard Webhooks schedule: the first try at once, then these waits before each next one;
 * after the last, the delivery has failed for good.
 */
export const RETRY_DELAYS_MS = [
  5 * SECOND_MS,
  5 * 60 * SECOND_MS,
  30 * 60 * SECOND_MS,
  2 * HOUR_MS,
  5 * HOUR_MS,
  10 * HOUR_MS,
  14 * HOUR_MS,
  20 * HOUR_MS,
  24 * HOUR_MS,
];
// A receiver's Retry-After is honoured up to a day.
const RETRIES = new RetrySchedule(RETRY_DELAYS_MS, 24 * HOUR_MS);
/** Failing this long without a single success turns an endpoint off. */
export const DISABLE_AFTER_MS = 5 * 24 * HOUR_MS;
export const TIMEOUT_MS = 15 * SECOND_MS;
// Longer than a try can last (the timeout), so a claim is never taken from a live try.
const CLAIM_MS = 60 * SECOND_MS;

export interface WebhookDeliveryOptions {
  now: Date;
  allowPrivate: boolean;
  timeoutMs?: number;
  /** At most this many deliveries tried in one pass. */
  limit?: number;
}

/**
 * Takes the deliveries due, for this process (rows another holds are skipped): each the first
 * waiting one of its endpoint for its appointment, so that an endpoint receives an appointment's
 * events in the order they happened, however long it was down.
 */
function claimDeliveries(db: Database, now: Date, limit: number): Promise<Claimed[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return claimDue(db, {
    table: webhookDeliveries,
    now,
    leaseMs: CLAIM_MS,
    candidates: sql`select d.tenant_id, d.id from ${webhookDeliveries} d
          join ${webhookEndpoints} e on e.tenant_id = d.tenant_id and e.id = d.endpoint_id
          where d.status = 'pending' and d.next_attempt_at <= ${at} and e.enabled
            and (d.claimed_until is null or d.claimed_until < ${at})
            and not exists (
              select 1 from ${webhookDeliveries} o
              where o.tenant_id = d.tenant_id and o.endpoint_id = d.endpoint_id
                and o.subject_id = d.subject_id and o.status = 'pending' and o.seq < d.seq)
          order by d.next_attempt_at, d.seq
          limit ${limit}
          for update of d skip locked`,
  });
}

/**
 * Tries every delivery due at `now`, the next of an appointment's as soon as the one before it
 * went through; returns how many tries were made.
 */
export async function deliverWebhooks(
  db: Database,
  options: WebhookDeliveryOptions,
): Promise<number> {
  const limit = options.limit ?? 200;
  let tried = 0;
  while (tried < limit) {
    const batch = await claimDeliveries(db, options.now, Math.min(10, limit - tried));
    if (!batch.length) break;
    await Promise.all(batch.map((claimed) => attempt(db, claimed, options)));
    tried += batch.length;
  }
  return tried;
}

/** The body sent: the specification's recommended envelope, with the business it is about. */
export function webhookBody(event: WebhookEvent, tenant: { id: string; slug: string }) {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    data: event.data,
    tenant: { id: tenant.id, slug: tenant.slug },
  });
}

/**
 * The signature header: one signature per secret still valid, space-separated, so a receiver that
 * has either the new or the old secret accepts it during a rotation.
 */
export function signatureHeader(
  endpoint: Pick<WebhookEndpoint, "secret" | "previousSecret" | "previousSecretUntil">,
  id: string,
  at: Date,
  body: string,
): string {
  const secrets = [endpoint.secret];
  if (
    endpoint.previousSecret &&
    endpoint.previousSecretUntil &&
    endpoint.previousSecretUntil > at
  ) {
    secrets.push(endpoint.previousSecret);
  }
  return secrets.map((secret) => new Webhook(secret).sign(id, at, body)).join(" ");
}

/** An event's data, taken when first sent when its change did not write it (a booking). */
async function dataOf(db: Database, event: WebhookEvent, currency: string): Promise<unknown> {
  if (event.data !== null || !event.subjectId) return event.data;
  const data = event.type.startsWith("customer.")
    ? await customerData(db, event.tenantId, event.subjectId, currency)
    : await appointmentData(db, event.tenantId, event.subjectId);
  await db
    .update(webhookEvents)
    .set({ data })
    .where(
      and(
        eq(webhookEvents.tenantId, event.tenantId),
        eq(webhookEvents.id, event.id),
        sql`${webhookEvents.data} is null`,
      ),
    );
  const [kept] = await db
    .select({ data: webhookEvents.data })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.tenantId, event.tenantId), eq(webhookEvents.id, event.id)));
  return kept?.data ?? data;
}

async function attempt(db: Database, claimed: Claimed, options: WebhookDeliveryOptions) {
  const { now } = options;
  const [row] = await db
    .select({
      delivery: webhookDeliveries,
      endpoint: webhookEndpoints,
      event: webhookEvents,
      tenant: tenants,
    })
    .from(webhookDeliveries)
    .innerJoin(
      webhookEndpoints,
      and(
        eq(webhookEndpoints.tenantId, webhookDeliveries.tenantId),
        eq(webhookEndpoints.id, webhookDeliveries.endpointId),
      ),
    )
    .innerJoin(
      webhookEvents,
      and(
        eq(webhookEvents.tenantId, webhookDeliveries.tenantId),
        eq(webhookEvents.id, webhookDeliveries.eventId),
      ),
    )
    .innerJoin(tenants, eq(tenants.id, webhookDeliveries.tenantId))
    .where(
      and(eq(webhookDeliveries.tenantId, claimed.tenant_id), eq(webhookDeliveries.id, claimed.id)),
    );
  if (!row) return;
  const { endpoint, event, tenant } = row;
  const data = await dataOf(db, event, tenant.currency);
  const body = webhookBody({ ...event, data }, tenant);
  // The wall clock, not the pass's `now`: receivers check the timestamp against theirs (replays).
  const signedAt = new Date();
  const result = await postWebhook(
    endpoint.url,
    {
      "content-type": "application/json",
      "user-agent": "Rendezvous-Webhooks/1",
      "webhook-id": event.id,
      "webhook-timestamp": String(Math.floor(signedAt.getTime() / SECOND_MS)),
      "webhook-signature": signatureHeader(endpoint, event.id, signedAt, body),
    },
    body,
    { timeoutMs: options.timeoutMs ?? TIMEOUT_MS, allowPrivate: options.allowPrivate },
  );
  await recordAttempt(db, row.delivery, endpoint, result, now);
}

const succeeded = (status: number | null) => status !== null && status >= 200 && status < 300;

/**
 * Writes a try in the log and what follows from it: success ends the delivery and the endpoint's
 * failures; 410 Gone turns the endpoint off; anything else waits for the next try of the schedule
 * (or longer when Retry-After asks it), and five days of nothing but failures turns it off.
 */
async function recordAttempt(
  db: Database,
  delivery: typeof webhookDeliveries.$inferSelect,
  endpoint: WebhookEndpoint,
  result: PostResult,
  now: Date,
) {
  const ok = succeeded(result.status);
  let disabled = false;
  const gone = result.status === 410;
  const retryAt = RETRIES.next(delivery.attempts, now, (result.retryAfter ?? 0) * SECOND_MS);
  await db.transaction(async (tx) => {
    // Locked, read afresh: tries of other deliveries to it may end at the same moment.
    const [current] = await tx
      .select({ failingSince: webhookEndpoints.failingSince })
      .from(webhookEndpoints)
      .where(
        and(eq(webhookEndpoints.tenantId, endpoint.tenantId), eq(webhookEndpoints.id, endpoint.id)),
      )
      .for("update");
    const failingSince = ok ? null : (current?.failingSince ?? now);
    const worn = !ok && now.getTime() - (failingSince?.getTime() ?? 0) >= DISABLE_AFTER_MS;
    disabled = gone || worn;
    await tx.insert(webhookAttempts).values({
      tenantId: delivery.tenantId,
      deliveryId: delivery.id,
      attemptedAt: now,
      statusCode: result.status,
      durationMs: result.durationMs,
      responseBody: result.body?.slice(0, KEPT_BODY_BYTES) ?? null,
      error: result.error,
    });
    await tx
      .update(webhookDeliveries)
      .set({
        status: ok ? "succeeded" : gone || !retryAt ? "failed" : "pending",
        deliveredAt: ok ? now : null,
        lastStatus: result.status,
        claimedUntil: null,
        nextAttemptAt: ok || gone || !retryAt ? delivery.nextAttemptAt : retryAt,
      })
      .where(
        and(
          eq(webhookDeliveries.tenantId, delivery.tenantId),
          eq(webhookDeliveries.id, delivery.id),
        ),
      );
    // Turned off for its failures: its owners are told, in this transaction.
    if (worn)
      await writeOwed(tx, endpoint.tenantId, null, owedOnWebhookDisabled(endpoint.url, now));
    await tx
      .update(webhookEndpoints)
      .set({
        failingSince,
        ...(disabled ? { enabled: false, disabledReason: gone ? "gone" : "failing" } : {}),
      })
      .where(
        and(eq(webhookEndpoints.tenantId, endpoint.tenantId), eq(webhookEndpoints.id, endpoint.id)),
      );
  });
  if (!ok) {
    // The host and the outcome only: a receiver's answer may quote the customer.
    logger.warn("webhook not delivered", {
      endpointId: endpoint.id,
      attempt: delivery.attempts,
      status: result.status,
      host: new URL(endpoint.url).host,
      disabled,
    });
  }
}
