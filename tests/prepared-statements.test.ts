import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "@/db/client";
import { tenants } from "@/db/schema";
import { createTestDatabase, engines } from "./helpers/test-db";

// PGlite runs statements in-process: round trips and prepared statements are PostgreSQL's.
describe.each(engines.filter((engine) => engine === "postgres"))("queries on %s", () => {
  it("are prepared statements, in transactions too, so that each is one round trip", async () => {
    const handle = await createTestDatabase("postgres");
    // One connection: the statements prepared are that connection's.
    const { db, close } = await openDatabase({ url: handle.url, poolMax: 1 });
    try {
      const prepared = (executor: typeof db) =>
        queryRows<{ statement: string }>(
          executor,
          sql`select statement from pg_prepared_statements where statement like ${'%from "tenants"%'}`,
        );
      for (const slug of ["a", "b"]) {
        await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
      }
      expect(await prepared(db)).toHaveLength(1);
      const inTransaction = await db.transaction(async (tx) => {
        await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.slug, "c"));
        return prepared(tx);
      });
      expect(inTransaction.length).toBeGreaterThanOrEqual(1);
      expect(inTransaction.some((s) => s.statement.includes('"name"'))).toBe(true);
    } finally {
      await close();
      await handle.close();
    }
  });
});
