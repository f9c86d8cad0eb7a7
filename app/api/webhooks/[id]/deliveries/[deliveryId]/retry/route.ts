import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { otherMethods } from "@/lib/http/other-methods";
import { resourceId } from "@/lib/http/request-input";
import { resendDelivery, toDeliveryJson } from "@/lib/webhooks/log";

// POST /api/webhooks/[id]/deliveries/[deliveryId]/retry – send that event again, as a new
// delivery with the same event id (admin)
export const POST = withTenant("manage", async ({ params, db, tenant }) => {
  const delivery = await resendDelivery(
    db,
    tenant.id,
    resourceId(params.id),
    resourceId(params.deliveryId),
    new Date(),
  );
  return NextResponse.json({ delivery: toDeliveryJson(delivery) }, { status: 202 });
});

// Any other method: a JSON 405.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
