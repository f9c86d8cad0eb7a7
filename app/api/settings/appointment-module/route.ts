import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import {
  appointmentModuleJson,
  appointmentModuleSchema,
  setAppointmentModule,
} from "@/lib/tenants/appointment-module";

// GET /api/settings/appointment-module – whether online booking is on, and how its bookings are
// confirmed (public)
export const GET = withTenant("public", async ({ tenant }) =>
  NextResponse.json(appointmentModuleJson(tenant)),
);

// PUT /api/settings/appointment-module – turn online booking on or off (admin)
export const PUT = withTenant("manage", async ({ req, db, tenant, caller }) => {
  const input = appointmentModuleSchema.parse(await readJson(req));
  return NextResponse.json(await setAppointmentModule(db, tenant, input, actorOf(caller)));
});

// Any other method: a JSON 405.
export const { POST, PATCH, DELETE } = otherMethods("GET", "PUT");
