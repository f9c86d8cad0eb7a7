import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { resourceId } from "@/lib/http/request-input";
import {
  deleteResource,
  getResource,
  toResourceJson,
  updateResource,
} from "@/lib/resources/resources";
import { resourceInputSchema } from "@/lib/resources/schema";

// GET /api/resources/[id] – one resource (admin)
export const GET = withTenant("read", async ({ params, db, tenant }) => {
  const resource = await getResource(db, tenant.id, resourceId(params.id));
  return NextResponse.json({ resource: toResourceJson(resource) });
});

// PUT /api/resources/[id] – replace a resource (admin)
export const PUT = withTenant("manage", async ({ req, params, db, tenant, caller }) => {
  const id = resourceId(params.id);
  const input = resourceInputSchema.parse(await readJson(req));
  const resource = await updateResource(db, tenant, id, input, actorOf(caller));
  return NextResponse.json({ resource: toResourceJson(resource) });
});

// DELETE /api/resources/[id] – remove a resource without upcoming bookings (admin)
export const DELETE = withTenant("manage", async ({ params, db, tenant, caller }) => {
  await deleteResource(db, tenant, resourceId(params.id), actorOf(caller), new Date());
  return new Response(null, { status: 204 });
});

// Any other method: a JSON 405.
export const { POST, PATCH } = otherMethods("GET", "PUT", "DELETE");
