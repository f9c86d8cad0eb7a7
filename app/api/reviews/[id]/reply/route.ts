import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { actorOf } from "@/lib/auth/authenticate";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";
import { resourceId } from "@/lib/http/request-input";
import { replySchema, replyToReview, toReviewJson } from "@/lib/reviews";

// POST /api/reviews/[id]/reply – the business's public answer to a review, once (admin)
export const POST = withTenant("manage", async ({ req, params, db, tenant, caller }) => {
  const { reply } = replySchema.parse(await readJson(req));
  const review = await replyToReview(
    db,
    tenant,
    resourceId(params.id),
    reply,
    actorOf(caller),
    new Date(),
  );
  return NextResponse.json({ review: toReviewJson(review, true) });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
