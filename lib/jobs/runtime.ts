import { PgTransaction } from "drizzle-orm/pg-core";
import { fromPglite, PgBoss } from "pg-boss";
import type { Database, DatabaseHandle } from "@/db/client";
import { eraseLapsedCustomers } from "@/lib/customers/retention";
import type { Env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { smtpMailer } from "@/lib/mail/mailer";
import { deliverDue, releaseStaleClaims } from "@/lib/messages/deliver";
import { settlePayments } from "@/lib/payments/settle";
import { deliverWebhooks } from "@/lib/webhooks/deliver";

/** The queue whose jobs deliver the messages due (see deliverDue). */
export const MESSAGES_QUEUE = "messages";
/** The queue whose jobs process Stripe's events, make refunds and release holds (settlePayments). */
export const PAYMENTS_QUEUE = "payments";
/** The queue whose jobs send the webhooks due (deliverWebhooks). */
export const WEBHOOKS_QUEUE = "webhooks";
/** The queue whose daily job erases customers past their business's retention. */
export const RETENTION_QUEUE = "retention";

// On globalThis, like the database: Next.js may load this module once per bundle.
const store = globalThis as typeof globalThis & {
  __rendezvousBoss?: PgBoss;
  __rendezvousPokes?: Map<string, ReturnType<typeof setTimeout>>;
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
  await boss.createQueue(WEBHOOKS_QUEUE, { notify: true, retryLimit: 0 });
  await boss.createQueue(RETENTION_QUEUE, { retryLimit: 0 });
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
    await boss.schedule(WEBHOOKS_QUEUE, "* * * * *");
    await boss.work(WEBHOOKS_QUEUE, { pollingIntervalSeconds: 10 }, async () => {
      await deliverWebhooks(handle.db, {
        now: new Date(),
        allowPrivate: config.webhooksAllowPrivate,
      });
    });
    await boss.send(WEBHOOKS_QUEUE, {});
    await boss.schedule(RETENTION_QUEUE, "17 3 * * *");
    await boss.work(RETENTION_QUEUE, async () => {
      await eraseLapsedCustomers(handle.db, new Date());
    });
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
  for (const timer of store.__rendezvousPokes?.values() ?? []) clearTimeout(timer);
  store.__rendezvousPokes = undefined;
  await boss?.stop({ graceful: true, timeout: 5_000 });
}

/**
 * Wakes the message and webhook workers for a change made on `db`, unless `db` is a caller's transaction: that
 * caller wakes them once it commits (before, the workers would not see the messages yet).
 */
export function pokeAfterCommit(db: Database, owed: { sendAfter: Date }[], webhooks = 0): void {
  if (db instanceof PgTransaction) return;
  pokeMessages(owed);
  pokeWebhooks(webhooks);
}

/**
 * Wakes the message workers once a change has committed: now, and at each later time given (a
 * reminder's). Wake-ups for now are coalesced over a few milliseconds, since one pass delivers
 * everything due: under a burst of bookings that is one job, not one per booking. Never fails the
 * change: the minute's pass delivers whatever a lost wake-up left.
 */
export function pokeMessages(owed: { sendAfter: Date }[]): void {
  if (!store.__rendezvousBoss || !owed.length) return;
  const now = Date.now();
  for (const time of new Set(owed.map((m) => m.sendAfter.getTime()))) {
    if (time > now) wake(MESSAGES_QUEUE, new Date(time));
  }
  if (owed.some((m) => m.sendAfter.getTime() <= now)) wakeSoon(MESSAGES_QUEUE);
}

function wake(queue: string, startAfter?: Date) {
  store.__rendezvousBoss
    ?.send(queue, {}, startAfter ? { startAfter } : undefined)
    .catch((error) => logger.error(`waking the ${queue} worker failed`, error));
}

/** Wakes a queue's worker now, once for all the wake-ups of the next few milliseconds. */
function wakeSoon(queue: string) {
  if (!store.__rendezvousBoss) return;
  store.__rendezvousPokes ??= new Map();
  const pokes = store.__rendezvousPokes;
  if (pokes.has(queue)) return;
  pokes.set(
    queue,
    setTimeout(() => {
      pokes.delete(queue);
      wake(queue);
    }, POKE_COALESCE_MS),
  );
}

/** Wakes the webhook worker once a change that owes deliveries has committed. */
export function pokeWebhooks(owed = 1): void {
  if (owed > 0) wakeSoon(WEBHOOKS_QUEUE);
}

/**
 * Wakes the payments worker: now (a webhook event, a refund decided), or at a hold's end. Never
 * fails the caller: the minute's pass does whatever a lost wake-up left.
 */
export function pokePayments(at?: Date): void {
  wake(PAYMENTS_QUEUE, at);
}
