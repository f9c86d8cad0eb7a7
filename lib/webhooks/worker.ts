import type { DatabaseHandle } from "@/db/client";
import type { Env } from "@/lib/env";
import type { Worker } from "@/lib/jobs/runtime";
import { deliverWebhooks } from "./deliver";

/** Sends the webhook deliveries due, each endpoint's in the order their events happened. */
export function webhooksWorker(handle: DatabaseHandle, config: Env): Worker {
  return {
    queue: "webhooks",
    cron: "* * * * *",
    run: async () => {
      await deliverWebhooks(handle.db, {
        now: new Date(),
        allowPrivate: config.webhooksAllowPrivate,
      });
    },
  };
}
