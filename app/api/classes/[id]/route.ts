import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { listAppointments } from "@/lib/appointments/appointments";
import { toAppointmentJson } from "@/lib/appointments/formats/serialize-appointment";
import { actorOf } from "@/lib/auth/authenticate";
import {
  cancelClassSession,
  getClassSession,
  toClassSessionJson,
  updateClassSession,
} from "@/lib/classes/class-sessions";
import { classSessionUpdateSchema } from "@/lib/classes/schema";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { resourceId } from "@/lib/http/request-input";

// GET /api/classes/[id] – a class session and its attendees, seat by seat (admin)
export const GET = withTenant("read", async ({ params, db, tenant }) => {
  const id = resourceId(params.id);
  const [session, attendees] = await Promise.all([
    getClassSession(db, tenant.id, id),
    listAppointments(db, tenant.id, { classSessionId: id }),
  ]);
  return NextResponse.json({
    class: toClassSessionJson(session),
    attendees: attendees.map(toAppointmentJson),
  });
});

// PATCH /api/classes/[id] – a new capacity, not below a seat already booked (admin)
export const PATCH = withTenant("manage", async ({ req, params, db, tenant, caller }) => {
  const { capacity } = classSessionUpdateSchema.parse(await readJson(req));
  const session = await updateClassSession(
    db,
    tenant,
    resourceId(params.id),
    capacity,
    actorOf(caller),
  );
  return NextResponse.json({ class: toClassSessionJson(session) });
});

// DELETE /api/classes/[id] – cancel a session nobody has a seat of (admin)
export const DELETE = withTenant("manage", async ({ params, db, tenant, caller }) => {
  await cancelClassSession(db, tenant, resourceId(params.id), actorOf(caller), new Date());
  return new Response(null, { status: 204 });
});

// Any other method: a JSON 405.
export const { POST, PUT } = otherMethods("GET", "PATCH", "DELETE");
