import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { otherMethods } from "@/lib/http/other-methods";
import { resourceId } from "@/lib/http/request-input";
import { rotateWebhookSecret, toWebhookJson } from "@/lib/webhooks/endpoints";

// POST /api/webhooks/[id]/rotate-secret – a new secret, in this answer only; the old one keeps
// signing beside it for 24 hours (admin)
export const POST = withTenant("manage", async ({ params, db, tenant, caller }) => {
  const { endpoint, secret } = await rotateWebhookSecret(
    db,
    tenant.id,
    resourceId(params.id),
    actorOf(caller),
    new Date(),
  );
  return NextResponse.json({ webhook: { ...toWebhookJson(endpoint), secret } });
});

// Any other method: a JSON 405.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
