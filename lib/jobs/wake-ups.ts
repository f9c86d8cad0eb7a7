import type { DatabaseHandle } from "@/db/client";
import { logger } from "@/lib/logger";

/** The channel on which the database announces committed work (migration 0021's triggers). */
export const WAKE_CHANNEL = "rendezvous_wake";
/** One pass does everything due: the wake-ups of a burst of bookings become one. */
const COALESCE_MS = 25;

export type Wake = (queue: string, startAfter?: Date) => void;

/** A notification's "<queue> <epoch ms when due>", or null for anything else. */
export function parseWakeUp(payload: string): { queue: string; due: number } | null {
  const [, queue, due] = /^([a-z-]+) (-?\d+)$/.exec(payload) ?? [];
  return queue && due ? { queue, due: Number(due) } : null;
}

/**
 * The after-commit dispatcher: every change that owes a worker something writes its outbox row in
 * its own transaction, and the row's trigger announces it once that transaction commits. Here each
 * announcement wakes its queue's worker: now (coalesced over a few milliseconds), or when the work
 * falls due (a reminder, a hold's end, a webhook's retry). Nothing else wakes a worker, and a lost
 * wake-up costs only a delay: each worker also runs on its schedule. Resolves to a stop function.
 */
export async function listenForWakeUps(
  handle: Pick<DatabaseHandle, "listen">,
  queues: ReadonlySet<string>,
  wake: Wake,
  clock: () => number = Date.now,
): Promise<() => Promise<void>> {
  const soon = new Map<string, ReturnType<typeof setTimeout>>();
  const unlisten = await handle.listen(WAKE_CHANNEL, (payload) => {
    const wakeUp = parseWakeUp(payload);
    if (!wakeUp || !queues.has(wakeUp.queue)) {
      logger.warn("unknown wake-up ignored", { payload });
      return;
    }
    if (wakeUp.due > clock()) {
      wake(wakeUp.queue, new Date(wakeUp.due));
    } else if (!soon.has(wakeUp.queue)) {
      soon.set(
        wakeUp.queue,
        setTimeout(() => {
          soon.delete(wakeUp.queue);
          wake(wakeUp.queue);
        }, COALESCE_MS),
      );
    }
  });
  return async () => {
    for (const timer of soon.values()) clearTimeout(timer);
    soon.clear();
    await unlisten();
  };
}
