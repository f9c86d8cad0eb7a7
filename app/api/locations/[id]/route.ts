import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { resourceId } from "@/lib/http/request-input";
import {
  deleteLocation,
  getLocation,
  toLocationJson,
  updateLocation,
} from "@/lib/locations/locations";
import { locationInputSchema } from "@/lib/locations/schema";

// GET /api/locations/[id] – one location (admin)
export const GET = withTenant("read", async ({ params, db, tenant }) => {
  const location = await getLocation(db, tenant.id, resourceId(params.id));
  return NextResponse.json({ location: toLocationJson(location, tenant) });
});

// PUT /api/locations/[id] – replace a location (admin)
export const PUT = withTenant("manage", async ({ req, params, db, tenant, caller }) => {
  const id = resourceId(params.id);
  const input = locationInputSchema.parse(await readJson(req));
  const location = await updateLocation(db, tenant, id, input, actorOf(caller));
  return NextResponse.json({ location: toLocationJson(location, tenant) });
});

// DELETE /api/locations/[id] – remove a location nobody and nothing works at (admin)
export const DELETE = withTenant("manage", async ({ params, db, tenant, caller }) => {
  await deleteLocation(db, tenant, resourceId(params.id), actorOf(caller), new Date());
  return new Response(null, { status: 204 });
});

// Any other method: a JSON 405.
export const { POST, PATCH } = otherMethods("GET", "PUT", "DELETE");
