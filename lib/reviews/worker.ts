import type { DatabaseHandle } from "@/db/client";
import type { Worker } from "@/lib/jobs/runtime";
import { inviteToReview } from "./invitations";

/** Invites customers to review their completed appointments: on completion, and hourly. */
export function reviewsWorker(handle: DatabaseHandle): Worker {
  return {
    queue: "reviews",
    cron: "41 * * * *",
    run: async () => {
      await inviteToReview(handle.db, new Date());
    },
  };
}
