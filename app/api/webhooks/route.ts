import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { env } from "@/lib/env";
import { byCreation, listAnswer, pageRequest } from "@/lib/http/cursor";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { queryOf } from "@/lib/http/request-input";
import { createWebhook, listWebhooks, toWebhookJson } from "@/lib/webhooks/endpoints";
import { webhookCreateSchema } from "@/lib/webhooks/schema";

// GET /api/webhooks[?limit&cursor] – the business's webhook endpoints, without their secrets
// (admin)
export const GET = withTenant("manage", async ({ req, db, tenant }) => {
  const page = pageRequest(queryOf(req));
  const rows = await listWebhooks(db, tenant.id, page);
  const { items, pagination } = listAnswer(rows, page, byCreation, toWebhookJson);
  return NextResponse.json({ webhooks: items, ...(pagination ? { pagination } : {}) });
});

// POST /api/webhooks – a new endpoint; its signing secret is in this answer only (admin)
export const POST = withTenant("manage", async ({ req, db, tenant, caller }) => {
  const input = webhookCreateSchema.parse(await readJson(req));
  const { endpoint, secret } = await createWebhook(db, tenant.id, input, actorOf(caller), {
    allowPrivate: env().webhooksAllowPrivate,
  });
  return NextResponse.json({ webhook: { ...toWebhookJson(endpoint), secret } }, { status: 201 });
});

// Any other method: a JSON 405.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
