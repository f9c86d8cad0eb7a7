import { NextResponse } from "next/server";
import { calendarEvents } from "@/lib/appointments/calendar-events";
import { dateRangeQuerySchema, toDateRange } from "@/lib/availability/date-range";
import { queryOf } from "@/lib/http/request-input";
import { withTenant } from "@/lib/http/with-tenant";

// GET /api/appointments/calendar?startDate&endDate – opening hours and appointments as events (admin)
export const GET = withTenant("read", async ({ req, db, tenant }) => {
  const range = toDateRange(dateRangeQuerySchema.parse(queryOf(req)), tenant.timeZone);
  return NextResponse.json({ events: await calendarEvents(db, tenant, range) });
});
