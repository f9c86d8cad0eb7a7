import { NextResponse } from "next/server";
import { withTenant } from "@/lib/api/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { staffInputSchema } from "@/lib/staff/schema";
import { createStaff, listStaff, toStaffJson } from "@/lib/staff/staff";

// GET /api/staff – every staff member of the business (admin)
export const GET = withTenant("read", async ({ db, tenant }) => {
  const staff = await listStaff(db, tenant.id);
  return NextResponse.json({ staff: staff.map(toStaffJson) });
});

// POST /api/staff – add a staff member (admin)
export const POST = withTenant("manage", async ({ req, db, tenant, caller }) => {
  const input = staffInputSchema.parse(await readJson(req));
  const staff = await createStaff(db, tenant, input, actorOf(caller));
  return NextResponse.json({ staff: toStaffJson(staff) }, { status: 201 });
});

// Any other method: a JSON 405.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
