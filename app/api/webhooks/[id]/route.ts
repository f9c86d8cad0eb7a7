import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { env } from "@/lib/env";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { resourceId } from "@/lib/http/request-input";
import { deleteWebhook, getWebhook, toWebhookJson, updateWebhook } from "@/lib/webhooks/endpoints";
import { webhookUpdateSchema } from "@/lib/webhooks/schema";

// GET /api/webhooks/[id] – one endpoint (admin)
export const GET = withTenant("manage", async ({ params, db, tenant }) => {
  const endpoint = await getWebhook(db, tenant.id, resourceId(params.id));
  return NextResponse.json({ webhook: toWebhookJson(endpoint) });
});

// PATCH /api/webhooks/[id] – change its URL, events, description, or turn it on or off (admin)
export const PATCH = withTenant("manage", async ({ req, params, db, tenant, caller }) => {
  const id = resourceId(params.id);
  const input = webhookUpdateSchema.parse(await readJson(req));
  const endpoint = await updateWebhook(db, tenant.id, id, input, actorOf(caller), {
    allowPrivate: env().webhooksAllowPrivate,
    now: new Date(),
  });
  return NextResponse.json({ webhook: toWebhookJson(endpoint) });
});

// DELETE /api/webhooks/[id] – remove it, with its deliveries and their log (admin)
export const DELETE = withTenant("manage", async ({ params, db, tenant, caller }) => {
  await deleteWebhook(db, tenant.id, resourceId(params.id), actorOf(caller));
  return new Response(null, { status: 204 });
});

// Any other method: a JSON 405.
export const { POST, PUT } = otherMethods("GET", "PATCH", "DELETE");
