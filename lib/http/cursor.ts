import { z } from "zod";

// Keyset pagination for the API's lists: a page ends on a row, and the next starts after its sort
// key, so rows inserted meanwhile never shift a page (as an offset would) and none is seen twice.

/** Where a page ended: the sort key of its last row. */
export interface CursorKey {
  at: Date;
  id: string;
}

/** The opaque cursor of a page's last row (base64url, not meant to be read). */
export const encodeCursor = (key: CursorKey) =>
  Buffer.from(JSON.stringify([key.at.toISOString(), key.id])).toString("base64url");

const decoded = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);

/** A cursor this API gave; anything else is a VALIDATION_ERROR naming `cursor`. */
export const cursorSchema = z
  .string()
  .max(200)
  .transform((value, ctx): CursorKey => {
    try {
      const [at, id] = decoded.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
      return { at: new Date(at), id };
    } catch {
      ctx.addIssue({ code: "custom", message: "is not a cursor this API gave" });
      return z.NEVER;
    }
  });

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

export const pageLimitSchema = z.coerce
  .number()
  .int("must be a whole number")
  .min(1)
  .max(MAX_PAGE_LIMIT);

/**
 * A page of `limit` rows out of `rows` (asked for with one more, to know whether more follow), and
 * its `pagination` object.
 */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => CursorKey) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const hasMore = rows.length > limit;
  return {
    items,
    pagination: { hasMore, nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null, limit },
  };
}
