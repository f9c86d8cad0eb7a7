import { randomBytes } from "node:crypto";
import { and, asc, count, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type WebhookEndpoint, webhookEndpoints } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors/app-error";
import { keyset, type PageRequest } from "@/lib/http/cursor";
import { lockTenant } from "@/lib/tenants";
import { refusedHost } from "./address-guard";
import type { WebhookCreateInput, WebhookUpdateInput } from "./schema";

/** Endpoints a business may have: enough for every integration, not a way to fan out traffic. */
export const MAX_ENDPOINTS = 20;
/** How long a rotated-out secret still signs deliveries, so receivers can switch without a gap. */
export const SECRET_OVERLAP_HOURS = 24;

/** A signing secret in the specification's form: whsec_ and 24 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

export interface EndpointOptions {
  allowPrivate: boolean;
}

/** Refuses a URL whose host is private or local (unless allowed) or does not resolve. */
async function assertAllowedUrl(url: string, options: EndpointOptions) {
  if (options.allowPrivate) return;
  const refused = await refusedHost(new URL(url).hostname);
  if (refused)
    throw new AppError("WEBHOOK_URL_NOT_ALLOWED", {
      url: { text: "urlNotAllowed", values: { reason: refused } },
    });
}

/** An endpoint as the API shows it: never its secret, which is only shown when made. */
export function toWebhookJson(endpoint: WebhookEndpoint) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    failingSince: endpoint.failingSince?.toISOString() ?? null,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

export async function listWebhooks(db: Database, tenantId: string, pageRequest?: PageRequest) {
  const page = keyset(webhookEndpoints.createdAt, webhookEndpoints.id, pageRequest);
  const query = db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), page.where))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id))
    .$dynamic();
  return page.limit ? query.limit(page.limit) : query;
}

export async function getWebhook(db: Database, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function createWebhook(
  db: Database,
  tenantId: string,
  input: WebhookCreateInput,
  actor: Actor,
  options: EndpointOptions,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  await assertAllowedUrl(input.url, options);
  const secret = newSecret();
  return db.transaction(async (tx) => {
    await lockTenant(tx, tenantId);
    const [existing] = await tx
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.tenantId, tenantId));
    if ((existing?.n ?? 0) >= MAX_ENDPOINTS) {
      throw new AppError("WEBHOOK_LIMIT_REACHED", {
        url: { text: "endpointLimit", values: { max: MAX_ENDPOINTS } },
      });
    }
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({
        tenantId,
        url: input.url,
        description: input.description,
        events: input.events,
        enabled: input.enabled,
        disabledReason: input.enabled ? null : "owner",
        secret,
      })
      .returning();
    if (!endpoint) throw new Error("insert returned no row");
    await recordAudit(tx, tenantId, actor, {
      action: "webhook.create",
      entityType: "webhook",
      entityId: endpoint.id,
      after: { url: endpoint.url, events: endpoint.events, enabled: endpoint.enabled },
    });
    return { endpoint, secret };
  });
}

/**
 * Changes an endpoint. Turning it back on clears why it was off and its failures: its waiting
 * deliveries go out again.
 */
export async function updateWebhook(
  db: Database,
  tenantId: string,
  id: string,
  input: WebhookUpdateInput,
  actor: Actor,
  options: EndpointOptions & { now: Date },
): Promise<WebhookEndpoint> {
  if (input.url) await assertAllowedUrl(input.url, options);
  return db.transaction(async (tx) => {
    const current = await getWebhook(tx, tenantId, id);
    const switched = input.enabled !== undefined && input.enabled !== current.enabled;
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({
        url: input.url,
        description: input.description,
        events: input.events,
        enabled: input.enabled,
        ...(switched ? { disabledReason: input.enabled ? null : "owner", failingSince: null } : {}),
        updatedAt: options.now,
      })
      .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)))
      .returning();
    if (!endpoint) throw new AppError("NOT_FOUND");
    await recordAudit(tx, tenantId, actor, {
      action: "webhook.update",
      entityType: "webhook",
      entityId: id,
      before: { url: current.url, events: current.events, enabled: current.enabled },
      after: { url: endpoint.url, events: endpoint.events, enabled: endpoint.enabled },
    });
    return endpoint;
  });
}

/** Deletes an endpoint, its deliveries and their log. */
export async function deleteWebhook(db: Database, tenantId: string, id: string, actor: Actor) {
  await db.transaction(async (tx) => {
    const current = await getWebhook(tx, tenantId, id);
    await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)));
    await recordAudit(tx, tenantId, actor, {
      action: "webhook.delete",
      entityType: "webhook",
      entityId: id,
      before: { url: current.url, events: current.events },
    });
  });
}

/**
 * A new secret for an endpoint, shown once. The old one keeps signing beside it for a day, so a
 * receiver accepts deliveries throughout the switch (the specification's space-separated list).
 */
export async function rotateWebhookSecret(
  db: Database,
  tenantId: string,
  id: string,
  actor: Actor,
  now: Date,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const secret = newSecret();
  return db.transaction(async (tx) => {
    const current = await getWebhook(tx, tenantId, id);
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({
        secret,
        previousSecret: current.secret,
        previousSecretUntil: new Date(now.getTime() + SECRET_OVERLAP_HOURS * 3_600_000),
        updatedAt: now,
      })
      .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)))
      .returning();
    if (!endpoint) throw new AppError("NOT_FOUND");
    await recordAudit(tx, tenantId, actor, {
      action: "webhook.rotate_secret",
      entityType: "webhook",
      entityId: id,
    });
    return { endpoint, secret };
  });
}
