import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { byCreation, listAnswer, pageRequest } from "@/lib/http/cursor";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { queryOf } from "@/lib/http/request-input";
import { staffInputSchema } from "@/lib/staff/schema";
import { createStaff, listStaff, toStaffJson } from "@/lib/staff/staff";

// GET /api/staff[?limit&cursor] – every staff member of the business, or a page in creation order
// (admin)
export const GET = withTenant("read", async ({ req, db, tenant }) => {
  const page = pageRequest(queryOf(req));
  const rows = await listStaff(db, tenant.id, { page });
  const { items, pagination } = listAnswer(rows, page, byCreation, toStaffJson);
  return NextResponse.json({ staff: items, ...(pagination ? { pagination } : {}) });
});

// POST /api/staff – add a staff member (admin)
export const POST = withTenant("manage", async ({ req, db, tenant, caller }) => {
  const input = staffInputSchema.parse(await readJson(req));
  const staff = await createStaff(db, tenant, input, actorOf(caller));
  return NextResponse.json({ staff: toStaffJson(staff) }, { status: 201 });
});

// Any other method: a JSON 405.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
