import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { toDateRange } from "@/lib/availability/date-range";
import {
  createClassSessions,
  listClassSessions,
  toClassSessionJson,
} from "@/lib/classes/class-sessions";
import { classListQuerySchema, classSessionInputSchema } from "@/lib/classes/schema";
import { listAnswer, pageRequest } from "@/lib/http/cursor";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { queryOf } from "@/lib/http/request-input";

// GET /api/classes?startDate&endDate[&activityId][&staffId][&locationId][&limit&cursor] – class
// sessions by start time (admin)
export const GET = withTenant("read", async ({ req, db, tenant }) => {
  const query = classListQuerySchema.parse(queryOf(req));
  const page = pageRequest(queryOf(req));
  const rows = await listClassSessions(db, tenant.id, {
    ...toDateRange(query, tenant.timeZone),
    ...query,
    page,
  });
  const { items, pagination } = listAnswer(
    rows,
    page,
    (s) => ({ at: s.startsAt, id: s.id }),
    toClassSessionJson,
  );
  return NextResponse.json({ classes: items, ...(pagination ? { pagination } : {}) });
});

// POST /api/classes – schedule a class session, and repeatWeeks more a week apart (admin)
export const POST = withTenant("manage", async ({ req, db, tenant, caller }) => {
  const input = classSessionInputSchema.parse(await readJson(req));
  const { sessions, skipped } = await createClassSessions(db, tenant, input, actorOf(caller));
  return NextResponse.json({ classes: sessions.map(toClassSessionJson), skipped }, { status: 201 });
});

// Any other method: a JSON 405.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
