import { NextResponse } from "next/server";
import { createActivity, listActivities } from "@/lib/activities/activities";
import { activityInputSchema } from "@/lib/activities/schema";
import { toActivityJson } from "@/lib/activities/serialize-activity";
import { withTenant } from "@/lib/api/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";

// GET /api/appointments/activities – every activity of the business (admin)
export const GET = withTenant("read", async ({ db, tenant }) => {
  const activities = await listActivities(db, tenant.id);
  return NextResponse.json({
    activities: activities.map((a) => toActivityJson(a, tenant.currency)),
  });
});

// POST /api/appointments/activities – create an activity (admin)
export const POST = withTenant("manage", async ({ req, db, tenant, caller }) => {
  const input = activityInputSchema.parse(await readJson(req));
  const activity = await createActivity(db, tenant, input, actorOf(caller));
  return NextResponse.json(
    { activity: toActivityJson(activity, tenant.currency) },
    { status: 201 },
  );
});

// Any other method: a JSON 405.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
