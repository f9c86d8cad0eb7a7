import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { keyset, type PageRequest } from "@/lib/http/cursor";

/**
 * What the catalog's tables (services, staff, locations, resources) share: rows of one business,
 * deleted softly (a deleted row stays for the bookings that name it), paged in creation order.
 */
export type CatalogTable = PgTable & {
  tenantId: PgColumn;
  id: PgColumn;
  deletedAt: PgColumn;
  createdAt: PgColumn;
};

/** The business's rows that are not deleted. */
export const liveIn = (table: CatalogTable, tenantId: string) =>
  and(eq(table.tenantId, tenantId), isNull(table.deletedAt));

/** The business's live rows matching `where`, in `order`, or a page of them in creation order. */
export function listLive<T extends CatalogTable>(
  db: Database,
  table: T,
  tenantId: string,
  options: { where?: SQL; order: SQL[]; page?: PageRequest },
): Promise<T["$inferSelect"][]> {
  const page = keyset(table.createdAt, table.id, options.page);
  const query = db
    .select()
    .from(table as PgTable)
    .where(and(liveIn(table, tenantId), options.where, page.where))
    .orderBy(...(page.orderBy ?? options.order))
    .$dynamic();
  return (page.limit ? query.limit(page.limit) : query) as Promise<T["$inferSelect"][]>;
}

/** One live row of the business matching `where`, or NOT_FOUND. */
export async function getLive<T extends CatalogTable>(
  db: Database,
  table: T,
  tenantId: string,
  id: string,
  where?: SQL,
): Promise<T["$inferSelect"]> {
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(and(liveIn(table, tenantId), where, eq(table.id, id)));
  if (!row) throw new AppError("NOT_FOUND");
  return row as T["$inferSelect"];
}
