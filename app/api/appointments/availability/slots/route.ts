import { NextResponse } from "next/server";
import { findSlots } from "@/lib/appointments/find-slots";
import { slotsQuerySchema } from "@/lib/appointments/schema";
import { toDateRange } from "@/lib/availability/date-range";
import { queryOf } from "@/lib/http/request-input";
import { withTenant } from "@/lib/http/with-tenant";

// GET /api/appointments/availability/slots?activityId&startDate&endDate – bookable times (public)
export const GET = withTenant("booking", async ({ req, db, tenant }) => {
  const query = slotsQuerySchema.parse(queryOf(req));
  const range = toDateRange(query, tenant.timeZone);
  const slots = await findSlots(db, tenant, query.activityId, range, new Date());
  return NextResponse.json({
    slots: slots.map((s) => ({
      dateTime: new Date(s.start).toISOString(),
      available: s.available,
    })),
  });
});
