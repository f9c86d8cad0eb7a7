import path from "node:path";
import {
  type Database,
  type DatabaseHandle,
  type DatabaseOptions,
  openDatabase,
} from "@/db/client";
import { DEMO, seedDemoIfEmpty } from "@/db/seed";
import { env } from "@/lib/env";
import { startJobs, stopJobs } from "@/lib/jobs/runtime";
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
  if (config.seedDemo && (await seedDemoIfEmpty(handle.db))) {
    logger.info(
      `demo business "${DEMO.name}" created. Sign in at /login as ${DEMO.ownerEmail} with password ${DEMO.ownerPassword}`,
    );
  }
  if (process.env.NEXT_RUNTIME === "nodejs") await startJobs(handle, config);
  return handle;
}

/** The application's database, opened, migrated (and seeded on the embedded default) once. */
export async function getDb(): Promise<Database> {
  globalStore.__rendezvousDb ??= start().catch((error) => {
    globalStore.__rendezvousDb = undefined;
    throw error;
  });
  return (await globalStore.__rendezvousDb).db;
}

/** Closes the database if it was opened (graceful shutdown): the pool, or PGlite and its lock. */
export async function closeDb(): Promise<void> {
  const opening = globalStore.__rendezvousDb;
  globalStore.__rendezvousDb = undefined;
  if (!opening) return;
  await stopJobs().catch((error) => logger.error("stopping the job queue failed", error));
  await (await opening).close();
}

/**
 * The database at start-up, or the process ends with one line saying why: a server without its
 * database would answer 500 to everything, and Next.js would keep it running. Exiting lets a
 * supervisor restart it.
 */
export async function openDbOrExit(): Promise<void> {
  try {
    await getDb();
  } catch (error) {
    console.error(`rendezvous: cannot start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
