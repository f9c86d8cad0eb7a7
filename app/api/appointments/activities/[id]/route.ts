import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { deleteActivity, updateActivity } from "@/lib/activities/activities";
import { activityInputSchema } from "@/lib/activities/schema";
import { toActivityJson } from "@/lib/activities/serialize-activity";
import { actorOf } from "@/lib/auth/authenticate";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { resourceId } from "@/lib/http/request-input";

// PUT /api/appointments/activities/[id] – replace an activity (admin)
export const PUT = withTenant("manage", async ({ req, params, db, tenant, caller }) => {
  const id = resourceId(params.id);
  const input = activityInputSchema.parse(await readJson(req));
  const activity = await updateActivity(db, tenant, id, input, actorOf(caller));
  return NextResponse.json({ activity: toActivityJson(activity, tenant.currency) });
});

// DELETE /api/appointments/activities/[id] – remove an activity without upcoming bookings (admin)
export const DELETE = withTenant("manage", async ({ params, db, tenant, caller }) => {
  await deleteActivity(db, tenant, resourceId(params.id), actorOf(caller), new Date());
  return new Response(null, { status: 204 });
});

// Any other method: a JSON 405.
export const { GET, POST, PATCH } = otherMethods("PUT", "DELETE");
