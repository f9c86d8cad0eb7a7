import type { DatabaseHandle } from "@/db/client";
import type { Env } from "@/lib/env";
import type { Worker } from "@/lib/jobs/runtime";
import { smtpMailer } from "@/lib/mail/mailer";
import { deliverDue, releaseStaleClaims } from "./deliver";

/** Delivers the messages due: each minute (reminders, retries) and as soon as a change owes one. */
export function messagesWorker(handle: DatabaseHandle, config: Env): Worker {
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl) : null;
  return {
    queue: "messages",
    cron: "* * * * *",
    // PGlite is one process's: whatever it was sending when it stopped did not go out.
    prepare: async () => {
      if (handle.pglite) await releaseStaleClaims(handle.db, new Date(), true);
    },
    run: async () => {
      await deliverDue(handle.db, { now: new Date(), mailer, from: config.mailFrom });
    },
  };
}
