import { NextResponse } from "next/server";
import { listActivities } from "@/lib/activities/activities";
import { activityIdsSchema } from "@/lib/activities/schema";
import { toPublicActivityJson } from "@/lib/activities/serialize-activity";
import { withTenant } from "@/lib/api/with-tenant";
import { otherMethods } from "@/lib/http/other-methods";

// GET /api/appointments/activities/public?ids= – the activities customers can book (public)
export const GET = withTenant("booking", async ({ req, db, tenant }) => {
  const ids = activityIdsSchema.parse(req.nextUrl.searchParams.get("ids") ?? undefined);
  const activities = await listActivities(db, tenant.id, { ids, online: true });
  return NextResponse.json({
    activities: activities.map((a) => toPublicActivityJson(a, tenant.currency)),
  });
});

// Any other method: a JSON 405.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
