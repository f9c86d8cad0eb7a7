import { NextResponse } from "next/server";
import { withCustomer } from "@/lib/access/with-customer";
import { myAppointments, whenSchema } from "@/lib/accounts";
import { toAppointmentJson } from "@/lib/appointments";
import { DEFAULT_PAGE_LIMIT, pageQuerySchema } from "@/lib/http/cursor";
import { otherMethods } from "@/lib/http/other-methods";

// GET /api/me/appointments – the customer's bookings, `when=upcoming` (soonest first) or `past`
// (latest first), in cursor pages (customer token)
export const GET = withCustomer(async ({ req, db, tenant, customerId, now }) => {
  const query = Object.fromEntries(req.nextUrl.searchParams);
  const when = whenSchema.parse(query.when);
  const { limit, cursor } = pageQuerySchema.parse({ limit: query.limit, cursor: query.cursor });
  const page = await myAppointments(
    db,
    tenant,
    customerId,
    when,
    { after: cursor, limit: limit ?? DEFAULT_PAGE_LIMIT },
    now,
  );
  return NextResponse.json({
    appointments: page.items.map(toAppointmentJson),
    pagination: page.pagination,
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
