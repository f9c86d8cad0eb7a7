import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { listActivities } from "@/lib/activities/activities";
import { activityIdsSchema } from "@/lib/activities/schema";
import { toPublicActivityJson } from "@/lib/activities/serialize-activity";
import { byCreation, listAnswer, pageRequest } from "@/lib/http/cursor";
import { otherMethods } from "@/lib/http/other-methods";
import { queryOf } from "@/lib/http/request-input";

// GET /api/appointments/activities/public?ids=[&limit&cursor] – the activities customers can book
// (public)
export const GET = withTenant("booking", async ({ req, db, tenant }) => {
  const ids = activityIdsSchema.parse(req.nextUrl.searchParams.get("ids") ?? undefined);
  const page = pageRequest(queryOf(req));
  const rows = await listActivities(db, tenant.id, { ids, online: true, page });
  const { items, pagination } = listAnswer(rows, page, byCreation, (a) =>
    toPublicActivityJson(a, tenant.currency),
  );
  return NextResponse.json({ activities: items, ...(pagination ? { pagination } : {}) });
});

// Any other method: a JSON 405.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
