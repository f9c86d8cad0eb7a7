import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { otherMethods } from "@/lib/http/other-methods";
import { platformRoute } from "@/lib/http/platform-route";
import { queryOf } from "@/lib/http/request-input";
import { slugQuerySchema } from "@/lib/signup/schema";
import { checkSlug, proposeSlug } from "@/lib/signup/slugs";

// GET /api/public/slugs?slug=… | ?name=… – whether an address is free for a new business, or the
// address proposed for a business name (its first free variant)
export const GET = platformRoute(async (req) => {
  const query = slugQuerySchema.parse(queryOf(req));
  const db = await getDb();
  const answer =
    query.slug !== undefined
      ? await checkSlug(db, query.slug)
      : await proposeSlug(db, query.name ?? "");
  return NextResponse.json(answer);
});

// Any other method: a JSON 405.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
