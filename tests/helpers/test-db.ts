import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "@/db/client";

export type Engine = "pglite" | "postgres";

/** PGlite always; real PostgreSQL too when TEST_DATABASE_URL is set. */
export const engines: Engine[] = process.env.TEST_DATABASE_URL
  ? ["pglite", "postgres"]
  : ["pglite"];

export interface TestDatabase extends DatabaseHandle {
  /** The database's URL, for PostgreSQL ones (to hand to a child process). */
  url?: string;
}

/**
 * A fresh, migrated database of its own: in-memory PGlite (or in `dataDir`), or a new PostgreSQL
 * database; `migrationsFolder` starts it from an older schema.
 */
export async function createTestDatabase(
  engine: Engine,
  options: { migrationsFolder?: string; dataDir?: string } = {},
): Promise<TestDatabase> {
  if (engine === "pglite") return openDatabase(options);
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `rv_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin`create database ${admin(name)}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({
    url: url.toString(),
    poolMax: 20,
    migrationsFolder: options.migrationsFolder,
  });
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      await admin`drop database if exists ${admin(name)} with (force)`;
      await admin.end();
    },
  };
}
