import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { getAppointment } from "@/lib/appointments/appointments";
import { toAppointmentJson } from "@/lib/appointments/formats/serialize-appointment";
import { actorOf } from "@/lib/auth/authenticate";
import { deleteAppointment } from "@/lib/booking/change-status";
import { otherMethods } from "@/lib/http/other-methods";
import { resourceId } from "@/lib/http/request-input";

// GET /api/appointments/[id] – one appointment (admin)
export const GET = withTenant("read", async ({ params, db, tenant }) => {
  const row = await getAppointment(db, tenant.id, resourceId(params.id));
  return NextResponse.json({ appointment: toAppointmentJson(row) });
});

// DELETE /api/appointments/[id] – delete an appointment for good (admin)
export const DELETE = withTenant("manage", async ({ params, db, tenant, caller }) => {
  await deleteAppointment(db, tenant, resourceId(params.id), actorOf(caller), new Date());
  return new Response(null, { status: 204 });
});

// Any other method: a JSON 405.
export const { POST, PUT, PATCH } = otherMethods("GET", "DELETE");
