import { withTenant } from "@/lib/access/with-tenant";
import { visitSlotsQuerySchema } from "@/lib/appointments/schema";
import { toDateRange } from "@/lib/availability/date-range";
import { otherMethods } from "@/lib/http/other-methods";
import { queryOf } from "@/lib/http/request-input";
import { visitSlotsJson } from "@/lib/offer/slots-json";

// GET /api/visits/slots?activityIds=a,b&startDate&endDate[&staffId][&locationId] – when a visit of
// these services, back to back in this order, can start (public)
export const GET = withTenant("booking", async ({ req, db, tenant }) => {
  const query = visitSlotsQuerySchema.parse(queryOf(req));
  const range = toDateRange(query, tenant.timeZone);
  const choice = {
    items: query.activityIds.map((activityId) => ({ activityId, staffId: query.staffId })),
    locationId: query.locationId,
  };
  const body = await visitSlotsJson(db, tenant, choice, range, new Date());
  return new Response(body, { headers: { "content-type": "application/json" } });
});

// Any other method: a JSON 405.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
