import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { createActivity, listActivities } from "@/lib/activities/activities";
import { activityInputSchema } from "@/lib/activities/schema";
import { toActivityJson } from "@/lib/activities/serialize-activity";
import { actorOf } from "@/lib/auth/authenticate";
import { byCreation, listAnswer, pageRequest } from "@/lib/http/cursor";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { queryOf } from "@/lib/http/request-input";

// GET /api/appointments/activities[?limit&cursor] – every activity of the business, by name, or a
// page of them in creation order (admin)
export const GET = withTenant("read", async ({ req, db, tenant }) => {
  const page = pageRequest(queryOf(req));
  const rows = await listActivities(db, tenant.id, { page });
  const { items, pagination } = listAnswer(rows, page, byCreation, (a) =>
    toActivityJson(a, tenant.currency),
  );
  return NextResponse.json({ activities: items, ...(pagination ? { pagination } : {}) });
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
