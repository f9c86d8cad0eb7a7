import { fromPglite, PgBoss } from "pg-boss";
import type { DatabaseHandle } from "@/db/client";
import type { Env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { listenForWakeUps } from "./wake-ups";

/**
 * A worker: a pass over its outbox rows (messages, webhook deliveries, payments) doing whatever is
 * due. It runs on its schedule, and whenever a committed change owes it work (see wake-ups.ts).
 */
export interface Worker {
  /** Its pg-boss queue, named like the wake-ups the database sends for it (migration 0021). */
  queue: string;
  /** When it runs anyway (cron): what a lost wake-up left, daily chores. */
  cron: string;
  run(): Promise<void>;
  /** Once, before the first pass. */
  prepare?(): Promise<void>;
}

// On globalThis, like the database: Next.js may load this module once per bundle.
const store = globalThis as typeof globalThis & {
  __rendezvousBoss?: PgBoss;
  __rendezvousStopWakeUps?: () => Promise<void>;
};

/**
 * The job queue (pg-boss), in the app's own database: PGlite through pg-boss's adapter, or the
 * PostgreSQL of DATABASE_URL through its own small pool.
 */
export function createBoss(handle: DatabaseHandle, config: Pick<Env, "databaseUrl">): PgBoss {
  return handle.pglite
    ? new PgBoss({ db: fromPglite(handle.pglite), backend: "pglite", useListenNotify: true })
    : new PgBoss({
        connectionString: config.databaseUrl,
        max: 3,
        useListenNotify: true,
        application_name: "rendezvous-jobs",
      });
}

/**
 * Starts the job queue in this process, with its workers unless JOBS=off (a deployment running
 * them in a process of its own). A pass finds its own work in the database and each row carries
 * its attempts, so pg-boss's own retries stay off (retryLimit 0): a failed pass is simply the next
 * wake-up's or the next minute's to repeat.
 */
export async function startJobs(
  handle: DatabaseHandle,
  config: Pick<Env, "databaseUrl" | "jobs">,
  workers: Worker[],
): Promise<PgBoss> {
  const boss = createBoss(handle, config);
  boss.on("error", (error) => logger.error("job queue error", error));
  await boss.start();
  for (const worker of workers) {
    await boss.createQueue(worker.queue, { notify: true, retryLimit: 0 });
  }
  if (config.jobs) {
    for (const worker of workers) {
      await worker.prepare?.();
      await boss.schedule(worker.queue, worker.cron);
      await boss.work(worker.queue, { pollingIntervalSeconds: 10 }, () => worker.run());
    }
    store.__rendezvousStopWakeUps = await listenForWakeUps(
      handle,
      new Set(workers.map((w) => w.queue)),
      (queue, startAfter) => {
        boss
          .send(queue, {}, startAfter ? { startAfter } : undefined)
          .catch((error) => logger.error(`waking the ${queue} worker failed`, error));
      },
    );
    // What came due while no worker ran goes out now, not at the next scheduled pass.
    for (const worker of workers) await boss.send(worker.queue, {});
  }
  store.__rendezvousBoss = boss;
  return boss;
}

export async function stopJobs(): Promise<void> {
  const boss = store.__rendezvousBoss;
  const stopWakeUps = store.__rendezvousStopWakeUps;
  store.__rendezvousBoss = undefined;
  store.__rendezvousStopWakeUps = undefined;
  await stopWakeUps?.();
  await boss?.stop({ graceful: true, timeout: 5_000 });
}
