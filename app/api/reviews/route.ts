import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { DEFAULT_PAGE_LIMIT, pageQuerySchema } from "@/lib/http/cursor";
import { otherMethods } from "@/lib/http/other-methods";
import { listReviews, reviewFilterSchema, toReviewJson } from "@/lib/reviews";

// GET /api/reviews – every review of the business, hidden ones too, latest first (admin)
export const GET = withTenant("read", async ({ req, db, tenant }) => {
  const query = Object.fromEntries(req.nextUrl.searchParams);
  const filter = reviewFilterSchema.parse({ activityId: query.activityId, staffId: query.staffId });
  const { limit, cursor } = pageQuerySchema.parse({ limit: query.limit, cursor: query.cursor });
  const page = await listReviews(
    db,
    tenant,
    { ...filter, withHidden: true },
    { after: cursor, limit: limit ?? DEFAULT_PAGE_LIMIT },
  );
  return NextResponse.json({
    reviews: page.items.map((r) => toReviewJson(r, true)),
    pagination: page.pagination,
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
