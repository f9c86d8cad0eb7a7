import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { listAppointments } from "@/lib/appointments/appointments";
import { toAppointmentJson } from "@/lib/appointments/formats/serialize-appointment";
import { appointmentListQuerySchema } from "@/lib/appointments/schema";
import { customerActor } from "@/lib/audit/record-audit";
import { toDateRange } from "@/lib/availability/date-range";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { parseBookingInput } from "@/lib/booking/booking-input";
import { idempotentAnswer } from "@/lib/booking/idempotent-booking";
import { env } from "@/lib/env";
import { apiText } from "@/lib/errors/messages";
import { DEFAULT_PAGE_LIMIT, toPage } from "@/lib/http/cursor";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { queryOf } from "@/lib/http/request-input";
import { SUPPORTED_YEARS } from "@/lib/scheduling/calendar-day";
import { manageLinks } from "@/lib/tenants/booking-link";

// GET /api/appointments?status&startDate&endDate&activityId&staffId&customerId&sort&order&limit&cursor –
// appointments by start time (admin); pages when asked for one (limit or cursor)
export const GET = withTenant("read", async ({ req, db, tenant }) => {
  const query = appointmentListQuerySchema.parse(queryOf(req));
  // Either bound may be left open; a filter is not a calendar view, so no 92-day limit.
  const range =
    query.startDate || query.endDate
      ? toDateRange(
          {
            startDate: query.startDate ?? `${SUPPORTED_YEARS.min}-01-01`,
            endDate: query.endDate ?? `${SUPPORTED_YEARS.max}-12-31`,
          },
          tenant.timeZone,
          { maxDays: Number.POSITIVE_INFINITY },
        )
      : undefined;
  const paged = query.limit !== undefined || query.cursor !== undefined;
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await listAppointments(db, tenant.id, {
    statuses: query.status,
    ...range,
    activityId: query.activityId,
    staffId: query.staffId,
    customerId: query.customerId,
    descending: query.order === "desc",
    byCreation: query.sort === "createdAt",
    // One more than the page, to know whether another follows.
    page: paged ? { after: query.cursor, limit: limit + 1 } : undefined,
  });
  if (!paged) return NextResponse.json({ appointments: rows.map(toAppointmentJson) });
  const { items, pagination } = toPage(rows, limit, (a) => ({
    at: query.sort === "createdAt" ? a.createdAt : a.startsAt,
    id: a.id,
  }));
  return NextResponse.json({ appointments: items.map(toAppointmentJson), pagination });
});

// POST /api/appointments – book a free slot (public); Idempotency-Key makes retries safe
export const POST = withTenant("booking", async ({ req, db, tenant }) => {
  const input = await parseBookingInput(db, tenant, await readJson(req));
  const manageLink = manageLinks(req.headers, tenant, env().appRootDomain);
  const book = async (tx: typeof db) => {
    const booked = await bookAppointment(tx, tenant, input, new Date(), customerActor, {
      manageLink,
      stripe: env().stripe,
    });
    return {
      status: 201,
      body: {
        appointment: toAppointmentJson(booked),
        message: apiText("appointmentCreated", tenant.locale),
      },
    };
  };
  return idempotentAnswer(db, tenant, req.headers.get("idempotency-key"), input, book);
});

// Any other method: a JSON 405.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
