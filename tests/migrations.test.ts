import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows, sqlStateOf } from "@/db/client";
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

  it("keeps rate-limit counts out of the write-ahead log, and every other table in it", async () => {
    const unlogged = await rows<{ relname: string }>(
      sql`select relname from pg_class where relpersistence = 'u' and relkind = 'r'`,
    );
    expect(unlogged.map((t) => t.relname)).toEqual(["rate_limits"]);
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

// Migration 0009 turns each business's one calendar into one staff member: nothing may be lost.
describe.each(engines)(
  "migrating a business with appointments to staff members on %s",
  (engine) => {
    it("makes the first owner a staff member who keeps every appointment and performs every live service", async () => {
      const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8"));
      const before = mkdtempSync(path.join(tmpdir(), "rv-before-staff-"));
      mkdirSync(path.join(before, "meta"));
      const older = journal.entries.filter((e: { tag: string }) => e.tag < "0009");
      for (const entry of older) {
        copyFileSync(`db/migrations/${entry.tag}.sql`, path.join(before, `${entry.tag}.sql`));
      }
      writeFileSync(
        path.join(before, "meta", "_journal.json"),
        JSON.stringify({ ...journal, entries: older }),
      );
      const dataDir = engine === "pglite" ? mkdtempSync(path.join(tmpdir(), "rv-db-")) : undefined;
      const old = await createTestDatabase(engine, { migrationsFolder: before, dataDir });
      const exec = (db: typeof old.db, query: SQL) => queryRows<Record<string, unknown>>(db, query);
      const [t] = await exec(
        old.db,
        sql`insert into tenants (slug, name, time_zone) values ('old', 'Old Salon', 'Europe/Paris') returning id`,
      );
      const tenantId = t?.id as string;
      await exec(
        old.db,
        sql`insert into users (tenant_id, email, name, password_hash, role) values
          (${tenantId}, 'second@old.test', 'Second Owner', 'x', 'owner'),
          (${tenantId}, 'helper@old.test', 'Helper', 'x', 'staff')`,
      );
      // The first owner by creation time is the one who becomes the staff member.
      await exec(
        old.db,
        sql`update users set created_at = created_at - interval '1 day' where email = 'second@old.test'`,
      );
      const [live, gone] = await exec(
        old.db,
        sql`insert into activities (tenant_id, name, duration_minutes, color, deleted_at) values
          (${tenantId}, 'Cut', 60, '#000000', null), (${tenantId}, 'Old', 30, '#000000', now())
          returning id`,
      );
      await exec(
        old.db,
        sql`insert into appointments (tenant_id, activity_id, starts_at, ends_at, blocked_from,
            blocked_until, status, client_name, client_email) values
          (${tenantId}, ${live?.id}, '2030-01-07T10:00Z', '2030-01-07T11:00Z', '2030-01-07T10:00Z', '2030-01-07T11:00Z', 'confirmed', 'Alice', 'a@x.test'),
          (${tenantId}, ${live?.id}, '2030-01-07T10:00Z', '2030-01-07T11:00Z', '2030-01-07T10:00Z', '2030-01-07T11:00Z', 'cancelled', 'Bob', 'b@x.test'),
          (${tenantId}, ${gone?.id}, '2020-01-07T10:00Z', '2020-01-07T10:30Z', '2020-01-07T10:00Z', '2020-01-07T10:30Z', 'completed', 'Carol', null)`,
      );
      // A business without any user (made by hand) is named after itself.
      await exec(
        old.db,
        sql`insert into tenants (slug, name, time_zone) values ('bare', 'Bare Studio', 'Europe/Paris')`,
      );
      if (engine === "pglite") await old.close();

      const migrated =
        engine === "pglite"
          ? await openDatabase({ dataDir })
          : await openDatabase({ url: old.url, poolMax: 2 });
      try {
        const staff = await exec(
          migrated.db,
          sql`select s.name, u.email, s.weekly_hours, t.slug from staff_members s
            join tenants t on t.id = s.tenant_id left join users u on u.id = s.user_id
            where t.slug in ('old', 'bare') order by t.slug`,
        );
        expect(staff).toEqual([
          { name: "Bare Studio", email: null, weekly_hours: null, slug: "bare" },
          { name: "Second Owner", email: "second@old.test", weekly_hours: null, slug: "old" },
        ]);
        const appointments = await exec(
          migrated.db,
          sql`select a.client_name, a.status, s.name as staff from appointments a
            join staff_members s on s.tenant_id = a.tenant_id and s.id = a.staff_id
            order by a.client_name`,
        );
        expect(appointments).toEqual([
          { client_name: "Alice", status: "confirmed", staff: "Second Owner" },
          { client_name: "Bob", status: "cancelled", staff: "Second Owner" },
          { client_name: "Carol", status: "completed", staff: "Second Owner" },
        ]);
        const services = await exec(
          migrated.db,
          sql`select activity_id from staff_services where tenant_id = ${tenantId}`,
        );
        expect(services).toEqual([{ activity_id: live?.id }]);
        // The constraint still refuses the same person twice at once.
        const again = await migrated.db
          .execute(sql`update appointments set status = 'pending' where client_name = 'Bob'`)
          .then(
            () => "ok",
            (error) => sqlStateOf(error),
          );
        expect(again).toBe("23P01");
      } finally {
        await migrated.close();
        if (engine === "postgres") await old.close();
      }
    });
  },
);

/** A database migrated up to (not including) the migration tagged `tag`, and the way to reopen it. */
async function databaseBefore(engine: "pglite" | "postgres", tag: string) {
  const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8"));
  const folder = mkdtempSync(path.join(tmpdir(), "rv-before-"));
  mkdirSync(path.join(folder, "meta"));
  const older = journal.entries.filter((e: { tag: string }) => e.tag < tag);
  for (const entry of older) {
    copyFileSync(`db/migrations/${entry.tag}.sql`, path.join(folder, `${entry.tag}.sql`));
  }
  writeFileSync(
    path.join(folder, "meta", "_journal.json"),
    JSON.stringify({ ...journal, entries: older }),
  );
  const dataDir = engine === "pglite" ? mkdtempSync(path.join(tmpdir(), "rv-db-")) : undefined;
  const old = await createTestDatabase(engine, { migrationsFolder: folder, dataDir });
  const migrate = async () => {
    if (engine === "pglite") await old.close();
    return engine === "pglite"
      ? await openDatabase({ dataDir })
      : await openDatabase({ url: old.url, poolMax: 2 });
  };
  return { old, migrate };
}

// Migration 0022: one person works at several places; video is a way of delivering a service.
describe.each(engines)("migrating staff and online locations to one timeline on %s", (engine) => {
  it("places every window at its staff member's location and delivers online what an online location held, losing nothing", async () => {
    const { old, migrate } = await databaseBefore(engine, "0022");
    const exec = (db: typeof old.db, query: SQL) => queryRows<Record<string, unknown>>(db, query);
    const [t] = await exec(
      old.db,
      sql`insert into tenants (slug, name, time_zone) values ('two', 'Two Places', 'Europe/Paris') returning id`,
    );
    const tenantId = t?.id as string;
    const [paris, montreal, visio] = await exec(
      old.db,
      sql`insert into locations (tenant_id, name, time_zone, online, position) values
        (${tenantId}, 'Paris', null, false, 0),
        (${tenantId}, 'Montréal', 'America/Toronto', false, 1),
        (${tenantId}, 'Visio', null, true, 2)
        returning id`,
    );
    const [ana, ben, vera] = await exec(
      old.db,
      sql`insert into staff_members (tenant_id, name, color, location_id, weekly_hours) values
        (${tenantId}, 'Ana', '#000000', ${paris?.id}, '[[1, 540, 1020], [2, 540, 720]]'::jsonb),
        (${tenantId}, 'Ben', '#000000', ${montreal?.id}, null),
        (${tenantId}, 'Ana (visio)', '#000000', ${visio?.id}, '[[3, 600, 900]]'::jsonb)
        returning id`,
    );
    const [cut, talk, both] = await exec(
      old.db,
      sql`insert into activities (tenant_id, name, duration_minutes, color) values
        (${tenantId}, 'Cut', 60, '#000000'), (${tenantId}, 'Talk', 30, '#000000'),
        (${tenantId}, 'Consult', 30, '#000000')
        returning id`,
    );
    await exec(
      old.db,
      sql`insert into staff_services (tenant_id, staff_id, activity_id) values
        (${tenantId}, ${ana?.id}, ${cut?.id}), (${tenantId}, ${ben?.id}, ${cut?.id}),
        (${tenantId}, ${vera?.id}, ${talk?.id}),
        (${tenantId}, ${ana?.id}, ${both?.id}), (${tenantId}, ${vera?.id}, ${both?.id})`,
    );
    await exec(
      old.db,
      sql`insert into appointments (tenant_id, activity_id, staff_id, location_id, starts_at,
          ends_at, blocked_from, blocked_until, status, client_name, meeting_url) values
        (${tenantId}, ${cut?.id}, ${ana?.id}, ${paris?.id}, '2030-01-07T10:00Z', '2030-01-07T11:00Z',
          '2030-01-07T10:00Z', '2030-01-07T11:00Z', 'confirmed', 'Alice', null),
        (${tenantId}, ${talk?.id}, ${vera?.id}, ${visio?.id}, '2030-01-09T10:00Z', '2030-01-09T10:30Z',
          '2030-01-09T10:00Z', '2030-01-09T10:30Z', 'pending', 'Bob', 'https://meet.jit.si/Rendezvous-abc')`,
    );
    const migrated = await migrate();
    try {
      const staff = await exec(
        migrated.db,
        sql`select name, location_id, weekly_hours from staff_members where tenant_id = ${tenantId}
          order by name`,
      );
      expect(staff).toEqual([
        {
          name: "Ana",
          location_id: paris?.id,
          weekly_hours: [
            [1, 540, 1020, paris?.id],
            [2, 540, 720, paris?.id],
          ],
        },
        { name: "Ana (visio)", location_id: visio?.id, weekly_hours: [[3, 600, 900, visio?.id]] },
        { name: "Ben", location_id: montreal?.id, weekly_hours: null },
      ]);
      const modes = await exec(
        migrated.db,
        sql`select name, modes from activities where tenant_id = ${tenantId} order by name`,
      );
      expect(modes).toEqual([
        { name: "Consult", modes: ["in_person", "online"] },
        { name: "Cut", modes: ["in_person"] },
        { name: "Talk", modes: ["online"] },
      ]);
      const appointments = await exec(
        migrated.db,
        sql`select client_name, status, location_id, meeting_url from appointments
          where tenant_id = ${tenantId} order by client_name`,
      );
      expect(appointments).toEqual([
        { client_name: "Alice", status: "confirmed", location_id: paris?.id, meeting_url: null },
        {
          client_name: "Bob",
          status: "pending",
          location_id: visio?.id,
          meeting_url: "https://meet.jit.si/Rendezvous-abc",
        },
      ]);
      const [tenant] = await exec(
        migrated.db,
        sql`select confirm_online_bookings from tenants where id = ${tenantId}`,
      );
      expect(tenant).toEqual({ confirm_online_bookings: "manual" });
    } finally {
      await migrated.close();
      if (engine === "postgres") await old.close();
    }
  });
});
