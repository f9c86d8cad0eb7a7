import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { resourceId } from "@/lib/http/request-input";
import { hideReview, hideSchema, toReviewJson } from "@/lib/reviews";

// POST /api/reviews/[id]/hide – takes a review off the public page, with the reason (admin)
export const POST = withTenant("manage", async ({ req, params, db, tenant, caller }) => {
  const { reason } = hideSchema.parse(await readJson(req));
  const review = await hideReview(
    db,
    tenant,
    resourceId(params.id),
    reason,
    actorOf(caller),
    new Date(),
  );
  return NextResponse.json({ review: toReviewJson(review, true) });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
