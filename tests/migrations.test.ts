import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "@/db/client";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";

describe.each(engines)("schema and migrations on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle.close());

  const rows = <T>(query: SQL) => queryRows<T>(handle.db, query);

  it("creates every table and loads btree_gist", async () => {
    const tables = await rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        "activities",
        "api_keys",
        "audit_log",
        "availability_exceptions",
        "tenants",
        "users",
        "weekly_slots",
      ]),
    );
    const extensions = await rows<{ extname: string }>(sql`select extname from pg_extension`);
    expect(extensions.map((e) => e.extname)).toContain("btree_gist");
  });

  it("keys tenant-owned rows by (tenant_id, id)", async () => {
    const keys = await rows<{ table_name: string; columns: string }>(sql`
      select tc.table_name, string_agg(kcu.column_name, ',' order by kcu.ordinal_position) as columns
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu using (constraint_schema, constraint_name)
      where tc.constraint_type = 'PRIMARY KEY' and tc.table_name in ('users', 'api_keys', 'activities')
      group by tc.table_name order by 1`);
    expect(keys.map((k) => k.columns)).toEqual(["tenant_id,id", "tenant_id,id", "tenant_id,id"]);
  });

  it("enforces the opening-hours checks in the database", async () => {
    await handle.db.execute(
      sql`insert into tenants (slug, name, time_zone) values ('chk', 'Check', 'Europe/Paris')`,
    );
    const inverted = handle.db.execute(sql`
      insert into weekly_slots (tenant_id, day_of_week, start_minute, end_minute)
      select id, 1, 600, 540 from tenants where slug = 'chk'`);
    await expect(inverted).rejects.toThrow();
  });

  it("applies migrations once, however often the database is reopened", async () => {
    const dataDir = engine === "pglite" ? mkdtempSync(path.join(tmpdir(), "rv-mig-")) : undefined;
    const open = () => openDatabase({ url: handle.url, dataDir, poolMax: 1 });
    await (await open()).close();
    const again = await open();
    const [applied] = await queryRows<{ n: number }>(
      again.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    await again.close();
    const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8"));
    expect(applied?.n).toBe(journal.entries.length);
  });
});
