import type { DatabaseHandle } from "@/db/client";
import type { Worker } from "@/lib/jobs/runtime";
import { eraseLapsedCustomers } from "./retention";

/** Erases, nightly, the customers past their business's retention period. */
export function retentionWorker(handle: DatabaseHandle): Worker {
  return {
    queue: "retention",
    cron: "17 3 * * *",
    run: async () => {
      await eraseLapsedCustomers(handle.db, new Date());
    },
  };
}
