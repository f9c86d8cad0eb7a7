import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { toAppointmentJson } from "@/lib/appointments/formats/serialize-appointment";
import { statusChangeSchema } from "@/lib/appointments/schema";
import { actorOf } from "@/lib/auth/authenticate";
import { changeAppointmentStatus } from "@/lib/booking/change-status";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { resourceId } from "@/lib/http/request-input";

// PATCH /api/appointments/[id]/status – confirm, cancel, complete or mark a no-show (staff too)
export const PATCH = withTenant("appointments", async ({ req, params, db, tenant, caller }) => {
  const id = resourceId(params.id);
  const { status } = statusChangeSchema.parse(await readJson(req));
  const row = await changeAppointmentStatus(db, tenant, id, status, actorOf(caller), new Date());
  return NextResponse.json({ appointment: toAppointmentJson(row) });
});

// Any other method: a JSON 405.
export const { GET, POST, PUT, DELETE } = otherMethods("PATCH");
