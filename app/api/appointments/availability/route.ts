import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { getAvailability, replaceAvailability } from "@/lib/availability/availability";
import { availabilityInputSchema } from "@/lib/availability/schema";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";

// GET /api/appointments/availability – weekly hours and closed days (admin)
export const GET = withTenant("read", async ({ db, tenant }) =>
  NextResponse.json({ availability: await getAvailability(db, tenant.id) }),
);

// PUT /api/appointments/availability – replace weekly hours and closed days together (admin)
export const PUT = withTenant("manage", async ({ req, db, tenant, caller }) => {
  const input = availabilityInputSchema.parse(await readJson(req));
  const availability = await replaceAvailability(db, tenant, input, actorOf(caller));
  return NextResponse.json({ availability });
});

// Any other method: a JSON 405.
export const { POST, PATCH, DELETE } = otherMethods("GET", "PUT");
