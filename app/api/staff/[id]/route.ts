import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { resourceId } from "@/lib/http/request-input";
import { staffInputSchema } from "@/lib/staff/schema";
import { deleteStaff, getStaff, toStaffJson, updateStaff } from "@/lib/staff/staff";

// GET /api/staff/[id] – one staff member (admin)
export const GET = withTenant("read", async ({ params, db, tenant }) => {
  const staff = await getStaff(db, tenant.id, resourceId(params.id));
  return NextResponse.json({ staff: toStaffJson(staff) });
});

// PUT /api/staff/[id] – replace a staff member; activityIds left out keeps their services (admin)
export const PUT = withTenant("manage", async ({ req, params, db, tenant, caller }) => {
  const id = resourceId(params.id);
  const input = staffInputSchema.parse(await readJson(req));
  const staff = await updateStaff(db, tenant, id, input, actorOf(caller));
  return NextResponse.json({ staff: toStaffJson(staff) });
});

// DELETE /api/staff/[id] – remove a staff member without upcoming bookings (admin)
export const DELETE = withTenant("manage", async ({ params, db, tenant, caller }) => {
  await deleteStaff(db, tenant, resourceId(params.id), actorOf(caller), new Date());
  return new Response(null, { status: 204 });
});

// Any other method: a JSON 405.
export const { POST, PATCH } = otherMethods("GET", "PUT", "DELETE");
