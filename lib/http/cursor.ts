import { asc, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
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
      ctx.addIssue({ code: "custom", message: "cursor" });
      return z.NEVER;
    }
  });

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

export const pageLimitSchema = z.coerce.number().int("wholeNumber").min(1).max(MAX_PAGE_LIMIT);

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

/** A page to read: after the row the last page ended on, at most `limit` rows. */
export interface PageRequest {
  after?: CursorKey;
  limit: number;
}

export const pageQuerySchema = z.object({
  limit: pageLimitSchema.optional(),
  cursor: cursorSchema.optional(),
});

/**
 * The page a list's query asks for, or undefined when it sends neither `limit` nor `cursor`: then
 * the whole list, in its usual order, as the contract's callers expect.
 */
export function pageRequest(query: Record<string, string>): PageRequest | undefined {
  const { limit, cursor } = pageQuerySchema.parse({ limit: query.limit, cursor: query.cursor });
  if (limit === undefined && cursor === undefined) return undefined;
  return { after: cursor, limit: limit ?? DEFAULT_PAGE_LIMIT };
}

/**
 * A page's condition, order and size over a list's key (a time and an id, ascending), asking one
 * row more to know whether another page follows. Without a page: nothing, the list as usual.
 */
export function keyset(at: AnyPgColumn, id: AnyPgColumn, page: PageRequest | undefined) {
  if (!page) return { where: undefined, orderBy: undefined, limit: undefined };
  const time = keyTime(at);
  return {
    where: page.after
      ? sql`(${time}, ${id}) > (${page.after.at.toISOString()}::timestamptz, ${page.after.id}::uuid)`
      : undefined,
    orderBy: [asc(time), asc(id)],
    limit: page.limit + 1,
  };
}

/**
 * A key's time as a cursor can carry it: PostgreSQL keeps microseconds, a JavaScript date only
 * milliseconds, so a key compared at full precision would bring a page's last row back.
 */
export const keyTime = (at: AnyPgColumn) => sql`date_trunc('milliseconds', ${at})`;

/** A list's answer: the items, and its `pagination` when a page was asked for. */
export function listAnswer<T, J>(
  rows: T[],
  page: PageRequest | undefined,
  keyOf: (row: T) => CursorKey,
  toJson: (row: T) => J,
): { items: J[]; pagination?: ReturnType<typeof toPage>["pagination"] } {
  if (!page) return { items: rows.map(toJson) };
  const { items, pagination } = toPage(rows, page.limit, keyOf);
  return { items: items.map(toJson), pagination };
}

/** The key of a list paged in creation order. */
export const byCreation = (row: { createdAt: Date; id: string }): CursorKey => ({
  at: row.createdAt,
  id: row.id,
});
