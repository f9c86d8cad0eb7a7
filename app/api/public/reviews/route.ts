import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { DEFAULT_PAGE_LIMIT, pageQuerySchema } from "@/lib/http/cursor";
import { otherMethods } from "@/lib/http/other-methods";
import { listReviews, reviewFilterSchema, reviewSummary, toReviewJson } from "@/lib/reviews";

// GET /api/public/reviews – the business's reviews the public sees, latest first, in cursor pages
// (optionally of one service or staff member), with the average and the count
export const GET = withTenant("public", async ({ req, db, tenant }) => {
  const query = Object.fromEntries(req.nextUrl.searchParams);
  const filter = reviewFilterSchema.parse({ activityId: query.activityId, staffId: query.staffId });
  const { limit, cursor } = pageQuerySchema.parse({ limit: query.limit, cursor: query.cursor });
  const [page, summary] = await Promise.all([
    listReviews(db, tenant, filter, { after: cursor, limit: limit ?? DEFAULT_PAGE_LIMIT }),
    reviewSummary(db, tenant.id),
  ]);
  return NextResponse.json({
    reviews: page.items.map((r) => toReviewJson(r)),
    summary,
    pagination: page.pagination,
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
