import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { toAppointmentJson } from "@/lib/appointments/formats/serialize-appointment";
import { actorOf } from "@/lib/auth/authenticate";
import { customerHistory, toCustomerJson, updateCustomer } from "@/lib/customers/customers";
import { eraseCustomer } from "@/lib/customers/erase";
import { customerUpdateSchema } from "@/lib/customers/schema";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { resourceId } from "@/lib/http/request-input";

// GET /api/customers/[id] – a customer and their appointments, latest first (admin)
export const GET = withTenant("read", async ({ params, db, tenant }) => {
  const { customer, appointments } = await customerHistory(db, tenant.id, resourceId(params.id));
  return NextResponse.json({
    customer: toCustomerJson(customer, tenant.currency),
    appointments: appointments.map(toAppointmentJson),
  });
});

// PATCH /api/customers/[id] – notes, tags, name or phone; what is left out is kept (staff too)
export const PATCH = withTenant("appointments", async ({ req, params, db, tenant, caller }) => {
  const input = customerUpdateSchema.parse(await readJson(req));
  const customer = await updateCustomer(
    db,
    tenant.id,
    resourceId(params.id),
    input,
    actorOf(caller),
    new Date(),
  );
  return NextResponse.json({ customer: toCustomerJson(customer, tenant.currency) });
});

// DELETE /api/customers/[id] – erase the customer for good: their file, and their details in
// every appointment, message and event, which stay countable (409 while a booking is upcoming) (admin)
export const DELETE = withTenant("manage", async ({ params, db, tenant, caller }) => {
  await eraseCustomer(db, tenant.id, resourceId(params.id), actorOf(caller), new Date());
  return new Response(null, { status: 204 });
});

// Any other method: a JSON 405.
export const { POST, PUT } = otherMethods("GET", "PATCH", "DELETE");
