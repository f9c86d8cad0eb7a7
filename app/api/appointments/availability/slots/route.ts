import { withTenant } from "@/lib/access/with-tenant";
import { slotsQuerySchema } from "@/lib/appointments/schema";
import { toDateRange } from "@/lib/availability/date-range";
import { otherMethods } from "@/lib/http/other-methods";
import { queryOf } from "@/lib/http/request-input";
import { slotsJson } from "@/lib/offer/slots-json";

// GET /api/appointments/availability/slots?activityId&startDate&endDate[&staffId][&locationId] – bookable times (public)
export const GET = withTenant("booking", async ({ req, db, tenant }) => {
  const query = slotsQuerySchema.parse(queryOf(req));
  const range = toDateRange(query, tenant.timeZone);
  const body = await slotsJson(db, tenant, query.activityId, range, new Date(), query);
  return new Response(body, { headers: { "content-type": "application/json" } });
});

// Any other method: a JSON 405.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
