import { retentionWorker } from "@/lib/customers";
import { getDatabaseHandle } from "@/lib/db";
import { DEMO, seedDemoIfEmpty } from "@/lib/demo";
import { env } from "@/lib/env";
import { installServerHooks } from "@/lib/http/server-hooks";
import { startJobs } from "@/lib/jobs/runtime";
import { logger } from "@/lib/logger";
import { messagesWorker } from "@/lib/messages";
import { paymentsWorker } from "@/lib/payments";
import { reviewsWorker } from "@/lib/reviews";
import { webhooksWorker } from "@/lib/webhooks";

/**
 * Where the server's parts meet, once, before the first request: the HTTP hooks (client address,
 * request id, logs and metrics, graceful shutdown), the database (opened, migrated, and on the
 * embedded default seeded with the demo), then the job queue and its workers. Start-up problems
 * show at start; a server without its database would answer 500 to everything, so the process
 * ends with one line saying why, for a supervisor to restart it.
 */
export async function startServer(): Promise<void> {
  installServerHooks();
  try {
    const config = env();
    const handle = await getDatabaseHandle();
    if (config.seedDemo && (await seedDemoIfEmpty(handle.db))) {
      logger.info(
        `demo business "${DEMO.name}" created. Sign in at /login as ${DEMO.ownerEmail} with password ${DEMO.ownerPassword}`,
      );
    }
    await startJobs(handle, config, [
      messagesWorker(handle, config),
      paymentsWorker(handle, config),
      webhooksWorker(handle, config),
      retentionWorker(handle),
      reviewsWorker(handle),
    ]);
    if (config.jobs) {
      logger.info(
        config.smtpUrl
          ? "messages: sent over SMTP (SMTP_URL)"
          : "messages: no SMTP_URL, stored in the dashboard's outbox",
      );
    }
  } catch (error) {
    console.error(`rendezvous: cannot start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
