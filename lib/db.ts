import path from "node:path";
import {
  type Database,
  type DatabaseHandle,
  type DatabaseOptions,
  openDatabase,
} from "@/db/client";
import { env } from "@/lib/env";
import { stopJobs } from "@/lib/jobs/runtime";
import { logger } from "@/lib/logger";

// Kept on globalThis: Next.js may load this module once per bundle (proxy, routes, pages), and
// PGlite must be opened exactly once per process.
const globalStore = globalThis as typeof globalThis & { __rendezvousDb?: Promise<DatabaseHandle> };

/** Where the configuration says the database is: DATABASE_URL, or PGlite in DATA_DIR/pglite. */
export function appDatabaseOptions(config = env()): DatabaseOptions {
  return {
    url: config.databaseUrl,
    dataDir: path.resolve(config.dataDir, "pglite"),
    poolMax: config.dbPoolMax,
    // A restart right after a crash: the old process may take a moment to be gone.
    lockWaitMs: 15_000,
  };
}

async function start(): Promise<DatabaseHandle> {
  const config = env();
  const options = appDatabaseOptions(config);
  const started = performance.now();
  const handle = await openDatabase(options);
  // How long opening took (a lock taken over, the write-ahead log replayed, migrations): the
  // restart time after a crash is mostly this and Next.js's own start.
  const ms = Math.round(performance.now() - started);
  logger.info(
    handle.kind === "pglite"
      ? `database: embedded PGlite in ${options.dataDir}, opened in ${ms} ms`
      : `database: PostgreSQL (DATABASE_URL), migrated in ${ms} ms`,
  );
  return handle;
}

/** The application's database, opened and migrated once per process. */
export async function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalStore.__rendezvousDb ??= start().catch((error) => {
    globalStore.__rendezvousDb = undefined;
    throw error;
  });
  return globalStore.__rendezvousDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Closes the database if it was opened (graceful shutdown): the pool, or PGlite and its lock. */
export async function closeDb(): Promise<void> {
  const opening = globalStore.__rendezvousDb;
  globalStore.__rendezvousDb = undefined;
  if (!opening) return;
  await stopJobs().catch((error) => logger.error("stopping the job queue failed", error));
  await (await opening).close();
}
