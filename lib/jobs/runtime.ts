import { PgTransaction } from "drizzle-orm/pg-core";
import { fromPglite, PgBoss } from "pg-boss";
import type { Database, DatabaseHandle } from "@/db/client";
import type { Env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { smtpMailer } from "@/lib/mail/mailer";
import { deliverDue, releaseStaleClaims } from "@/lib/messages/deliver";
import { settlePayments } from "@/lib/payments/settle";

/** The queue whose jobs deliver the messages due (see deliverDue). */
export const MESSAGES_QUEUE = "messages";
/** The queue whose jobs process Stripe's events, make refunds and release holds (settlePayments). */
export const PAYMENTS_QUEUE = "payments";

// On globalThis, like the database: Next.js may load this module once per bundle.
const store = globalThis as typeof globalThis & {
  __rendezvousBoss?: PgBoss;
  __rendezvousPoke?: ReturnType<typeof setTimeout>;
};
const POKE_COALESCE_MS = 25;

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
 * Starts the job queue in this process: every instance can queue jobs; the workers run unless
 * JOBS=off (a deployment running them in a process of its own). Messages are delivered each
 * minute (reminders, retries, anything a lost wake-up left) and as soon as a change wakes them.
 */
export async function startJobs(handle: DatabaseHandle, config: Env): Promise<PgBoss> {
  const boss = createBoss(handle, config);
  boss.on("error", (error) => logger.error("job queue error", error));
  await boss.start();
  await boss.createQueue(MESSAGES_QUEUE, { notify: true, retryLimit: 0 });
  await boss.createQueue(PAYMENTS_QUEUE, { notify: true, retryLimit: 0 });
  if (config.jobs) {
    // PGlite is one process's: whatever it was sending when it stopped did not go out.
    if (handle.pglite) await releaseStaleClaims(handle.db, new Date(), true);
    const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl) : null;
    await boss.schedule(MESSAGES_QUEUE, "* * * * *");
    await boss.work(MESSAGES_QUEUE, { pollingIntervalSeconds: 10 }, async () => {
      await deliverDue(handle.db, { now: new Date(), mailer, from: config.mailFrom });
    });
    // What came due while no worker ran goes out now, not at the next minute.
    await boss.send(MESSAGES_QUEUE, {});
    await boss.schedule(PAYMENTS_QUEUE, "* * * * *");
    await boss.work(PAYMENTS_QUEUE, { pollingIntervalSeconds: 10 }, async () => {
      await settlePayments(handle.db, { now: new Date(), stripe: config.stripe });
    });
    await boss.send(PAYMENTS_QUEUE, {});
    logger.info(
      config.smtpUrl
        ? "messages: sent over SMTP (SMTP_URL)"
        : "messages: no SMTP_URL, stored in the dashboard's outbox",
    );
  }
  store.__rendezvousBoss = boss;
  return boss;
}

export async function stopJobs(): Promise<void> {
  const boss = store.__rendezvousBoss;
  store.__rendezvousBoss = undefined;
  clearTimeout(store.__rendezvousPoke);
  store.__rendezvousPoke = undefined;
  await boss?.stop({ graceful: true, timeout: 5_000 });
}

/**
 * Wakes the message workers for a change made on `db`, unless `db` is a caller's transaction: that
 * caller wakes them once it commits (before, the workers would not see the messages yet).
 */
export function pokeAfterCommit(db: Database, owed: { sendAfter: Date }[]): void {
  if (!(db instanceof PgTransaction)) pokeMessages(owed);
}

/**
 * Wakes the message workers once a change has committed: now, and at each later time given (a
 * reminder's). Wake-ups for now are coalesced over a few milliseconds, since one pass delivers
 * everything due: under a burst of bookings that is one job, not one per booking. Never fails the
 * change: the minute's pass delivers whatever a lost wake-up left.
 */
export function pokeMessages(owed: { sendAfter: Date }[]): void {
  const boss = store.__rendezvousBoss;
  if (!boss || !owed.length) return;
  const send = (startAfter?: Date) =>
    boss
      .send(MESSAGES_QUEUE, {}, { startAfter })
      .catch((error) => logger.error("waking the message workers failed", error));
  const now = Date.now();
  for (const time of new Set(owed.map((m) => m.sendAfter.getTime()))) {
    if (time > now) send(new Date(time));
  }
  if (owed.some((m) => m.sendAfter.getTime() <= now) && !store.__rendezvousPoke) {
    store.__rendezvousPoke = setTimeout(() => {
      store.__rendezvousPoke = undefined;
      send();
    }, POKE_COALESCE_MS);
  }
}

/**
 * Wakes the payments worker: now (a webhook event, a refund decided), or at a hold's end. Never
 * fails the caller: the minute's pass does whatever a lost wake-up left.
 */
export function pokePayments(at?: Date): void {
  store.__rendezvousBoss
    ?.send(PAYMENTS_QUEUE, {}, at ? { startAfter: at } : undefined)
    .catch((error) => logger.error("waking the payments worker failed", error));
}
