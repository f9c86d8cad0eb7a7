import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { otherMethods } from "@/lib/http/other-methods";
import { queryOf, resourceId } from "@/lib/http/request-input";
import { listDeliveries, toDeliveryJson } from "@/lib/webhooks/log";
import { deliveryListQuerySchema } from "@/lib/webhooks/schema";

// GET /api/webhooks/[id]/deliveries?limit&cursor – the endpoint's delivery log, latest first,
// each delivery with its latest tries (admin)
export const GET = withTenant("manage", async ({ req, params, db, tenant }) => {
  const query = deliveryListQuerySchema.parse(queryOf(req));
  const { items, pagination } = await listDeliveries(db, tenant.id, resourceId(params.id), {
    limit: query.limit,
    after: query.cursor,
  });
  return NextResponse.json({ deliveries: items.map(toDeliveryJson), pagination });
});

// Any other method: a JSON 405.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
