import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { byCreation, listAnswer, pageRequest } from "@/lib/http/cursor";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { queryOf } from "@/lib/http/request-input";
import { createResource, listResources, toResourceJson } from "@/lib/resources/resources";
import { resourceInputSchema } from "@/lib/resources/schema";

// GET /api/resources[?limit&cursor] – the business's rooms, chairs and machines, or a page in
// creation order (admin)
export const GET = withTenant("read", async ({ req, db, tenant }) => {
  const page = pageRequest(queryOf(req));
  const rows = await listResources(db, tenant.id, page);
  const { items, pagination } = listAnswer(rows, page, byCreation, toResourceJson);
  return NextResponse.json({ resources: items, ...(pagination ? { pagination } : {}) });
});

// POST /api/resources – add a resource (admin)
export const POST = withTenant("manage", async ({ req, db, tenant, caller }) => {
  const input = resourceInputSchema.parse(await readJson(req));
  const resource = await createResource(db, tenant, input, actorOf(caller));
  return NextResponse.json({ resource: toResourceJson(resource) }, { status: 201 });
});

// Any other method: a JSON 405.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
