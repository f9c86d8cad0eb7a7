import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { otherMethods } from "@/lib/http/other-methods";
import { resourceId } from "@/lib/http/request-input";
import { sendTestEvent, toDeliveryJson } from "@/lib/webhooks/log";

// POST /api/webhooks/[id]/test – send a `webhook.test` event to this endpoint (admin)
export const POST = withTenant("manage", async ({ params, db, tenant }) => {
  const delivery = await sendTestEvent(db, tenant.id, resourceId(params.id), new Date());
  return NextResponse.json({ delivery: toDeliveryJson(delivery) }, { status: 202 });
});

// Any other method: a JSON 405.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
