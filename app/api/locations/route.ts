import { NextResponse } from "next/server";
import { withTenant } from "@/lib/api/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { createLocation, listLocations, toLocationJson } from "@/lib/locations/locations";
import { locationInputSchema } from "@/lib/locations/schema";

// GET /api/locations – the business's locations (admin)
export const GET = withTenant("read", async ({ db, tenant }) => {
  const locations = await listLocations(db, tenant.id);
  return NextResponse.json({ locations: locations.map((l) => toLocationJson(l, tenant)) });
});

// POST /api/locations – add a location (admin)
export const POST = withTenant("manage", async ({ req, db, tenant, caller }) => {
  const input = locationInputSchema.parse(await readJson(req));
  const location = await createLocation(db, tenant, input, actorOf(caller));
  return NextResponse.json({ location: toLocationJson(location, tenant) }, { status: 201 });
});

// Any other method: a JSON 405.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
