import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { preparedByDefault } from "./prepared-statements";
import { instrumentQueries } from "./query-hooks";
import * as schema from "./schema";

instrumentQueries();

/** One type for both drivers, so that nothing above this file knows which one runs. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** The embedded database itself, for what runs beside drizzle on it (the job queue). */
  pglite?: PGlite;
  /**
   * Calls `onNotify` with each payload sent on `channel` (NOTIFY), once its transaction committed;
   * resolves to a function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL; without it the embedded PGlite is used. */
  url?: string;
  /** PGlite's data folder; without it PGlite keeps everything in memory (tests). */
  dataDir?: string;
  poolMax?: number;
  /**
   * How long to wait for the process holding PGlite's data folder to let go (a server restarted
   * right after its predecessor was killed); 0 fails at once.
   */
  lockWaitMs?: number;
  /** The migrations to apply; the app's own by default (tests start from older schemas). */
  migrationsFolder?: string;
}

// PGlite's default 160 MB of shared buffers all end up resident in the process, beside Node's
// heap: the embedded database serves one small business's data, for which 32 MB hold it all.
const PGLITE_SETTINGS = ["shared_buffers=32MB"];
const CONNECT_TIMEOUT_SECONDS = 3;
const STATEMENT_TIMEOUT_MS = 8_000;

const appMigrations = path.join(process.cwd(), "db", "migrations");
// Arbitrary constant: instances starting together take turns to migrate.
const MIGRATION_LOCK_ID = 72_437_001;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    await migratePostgresDatabase(options.url, options.migrationsFolder ?? appMigrations);
    const client = postgres(options.url, {
      max: options.poolMax ?? 10,
      onnotice: () => {},
      // A database that is down or stuck answers within seconds, as 503 SERVICE_UNAVAILABLE,
      // rather than holding requests for half a minute.
      connect_timeout: CONNECT_TIMEOUT_SECONDS,
      connection: { statement_timeout: STATEMENT_TIMEOUT_MS },
    });
    return {
      db: drizzlePostgres({ client: preparedByDefault(client), schema }) as unknown as Database,
      kind: "postgres",
      // postgres.js listens on a connection of its own, outside the pool, re-established if lost.
      listen: async (channel, onNotify) => {
        const { unlisten } = await client.listen(channel, onNotify);
        return unlisten;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const unlock = options.dataDir
    ? await lockDataDir(options.dataDir, options.lockWaitMs ?? 0)
    : () => {};
  try {
    const client = await PGlite.create({
      dataDir: options.dataDir,
      extensions: { btree_gist },
      postgresqlconf: PGLITE_SETTINGS,
    });
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder: options.migrationsFolder ?? appMigrations });
    return {
      db: db as unknown as Database,
      kind: "pglite",
      pglite: client,
      listen: (channel, onNotify) => client.listen(channel, onNotify),
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

export class DatabaseLockedError extends Error {}

// A killed process stays a zombie until its parent reaps it, and signal 0 still reaches a zombie:
// on Linux its state in /proc says it is dead.
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    const state = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "")[0];
    return state !== "Z" && state !== "X";
  } catch {
    return true;
  }
}

// PGlite is one process's database: a second process opening the same folder would corrupt it.
// The lock names its holder; a holder that died (or is a zombie) leaves a stale lock, which is
// taken over; a live holder is waited for up to `waitMs`.
async function lockDataDir(dataDir: string, waitMs: number): Promise<() => void> {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "rendezvous.lock");
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      const release = () => rmSync(lockFile, { force: true });
      process.once("exit", release);
      return () => {
        process.off("exit", release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockFile, "utf8"));
      if (holder && holder !== process.pid && isAlive(holder)) {
        if (Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        throw new DatabaseLockedError(
          `the embedded database in ${dataDir} is in use by process ${holder}: stop the server first, or use DATABASE_URL`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
}

async function migratePostgresDatabase(url: string, migrationsFolder: string) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** PostgreSQL error code of a failed query, whichever driver raised it. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

// Connection failures (class 08), a server shutting down or starting (57P01-57P03), too many
// connections (53300), a statement over its timeout (57014), and the drivers' own network errors.
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300|57014)$/;
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

/** Whether a query failed because the database could not be reached or answer in time. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_STATES.test(code)) return true;
  }
  return false;
}

/** Rows of a raw SQL query: PGlite answers `{ rows }`, postgres-js an array. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
