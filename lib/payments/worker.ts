import type { DatabaseHandle } from "@/db/client";
import type { Env } from "@/lib/env";
import type { Worker } from "@/lib/jobs/runtime";
import { settlePayments } from "./settle";

/** Processes Stripe's events, makes the refunds decided and releases the holds whose time ran out. */
export function paymentsWorker(handle: DatabaseHandle, config: Env): Worker {
  return {
    queue: "payments",
    cron: "* * * * *",
    run: () => settlePayments(handle.db, { now: new Date(), stripe: config.stripe }),
  };
}
