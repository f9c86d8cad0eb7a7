import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { dateRangeQuerySchema, toDateRange } from "@/lib/availability/date-range";
import { calendarEvents } from "@/lib/calendar/calendar-events";
import { otherMethods } from "@/lib/http/other-methods";
import { queryOf } from "@/lib/http/request-input";

// GET /api/appointments/calendar?startDate&endDate – opening hours and appointments as events (admin)
export const GET = withTenant("read", async ({ req, db, tenant }) => {
  const range = toDateRange(dateRangeQuerySchema.parse(queryOf(req)), tenant.timeZone);
  return NextResponse.json({ events: await calendarEvents(db, tenant, range) });
});

// Any other method: a JSON 405.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
