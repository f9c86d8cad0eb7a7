import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { byCreation, listAnswer, pageRequest } from "@/lib/http/cursor";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { queryOf } from "@/lib/http/request-input";
import { createLocation, listLocations, toLocationJson } from "@/lib/locations/locations";
import { locationInputSchema } from "@/lib/locations/schema";

// GET /api/locations[?limit&cursor] – the business's locations, or a page in creation order (admin)
export const GET = withTenant("read", async ({ req, db, tenant }) => {
  const page = pageRequest(queryOf(req));
  const rows = await listLocations(db, tenant.id, page);
  const { items, pagination } = listAnswer(rows, page, byCreation, (l) =>
    toLocationJson(l, tenant),
  );
  return NextResponse.json({ locations: items, ...(pagination ? { pagination } : {}) });
});

// POST /api/locations – add a location (admin)
export const POST = withTenant("manage", async ({ req, db, tenant, caller }) => {
  const input = locationInputSchema.parse(await readJson(req));
  const location = await createLocation(db, tenant, input, actorOf(caller));
  return NextResponse.json({ location: toLocationJson(location, tenant) }, { status: 201 });
});

// Any other method: a JSON 405.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
