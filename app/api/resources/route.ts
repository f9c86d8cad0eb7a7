import { NextResponse } from "next/server";
import { withTenant } from "@/lib/api/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { createResource, listResources, toResourceJson } from "@/lib/resources/resources";
import { resourceInputSchema } from "@/lib/resources/schema";

// GET /api/resources – the business's rooms, chairs and machines (admin)
export const GET = withTenant("read", async ({ db, tenant }) => {
  const resources = await listResources(db, tenant.id);
  return NextResponse.json({ resources: resources.map(toResourceJson) });
});

// POST /api/resources – add a resource (admin)
export const POST = withTenant("manage", async ({ req, db, tenant, caller }) => {
  const input = resourceInputSchema.parse(await readJson(req));
  const resource = await createResource(db, tenant, input, actorOf(caller));
  return NextResponse.json({ resource: toResourceJson(resource) }, { status: 201 });
});

// Any other method: a JSON 405.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
