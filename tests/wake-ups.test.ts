import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboundMessages, paymentEvents } from "@/db/schema";
import { listenForWakeUps, parseWakeUp } from "@/lib/jobs/wake-ups";
import { seedTenant } from "./helpers/fixtures";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";

// The after-commit dispatcher: the outbox rows' triggers (migration 0021) announce work once its
// transaction commits, and listenForWakeUps turns each announcement into a worker's wake-up.

describe("parseWakeUp", () => {
  it("reads a queue and the time the work falls due", () => {
    expect(parseWakeUp("messages 1800000000000")).toEqual({
      queue: "messages",
      due: 1_800_000_000_000,
    });
    expect(parseWakeUp("messages")).toBeNull();
    expect(parseWakeUp("DROP TABLE 1")).toBeNull();
  });
});

describe.each(engines)("wake-ups after commit on %s", (engine) => {
  const NOW = Date.parse("2030-01-01T12:00:00Z");
  let handle: TestDatabase;
  let stop: () => Promise<void>;
  // Each wake-up as "<queue> <ISO time or now>", in the order heard.
  const heard: string[] = [];
  let onHeard = () => {};
  const nextHeard = () => new Promise<void>((resolve) => (onHeard = resolve));

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    stop = await listenForWakeUps(
      handle,
      new Set(["messages", "payments", "webhooks"]),
      (queue, at) => {
        heard.push(`${queue} ${at ? at.toISOString() : "now"}`);
        onHeard();
      },
      () => NOW,
    );
  });
  afterAll(async () => {
    await stop();
    await handle.close();
  });

  const message = (tenantId: string, sendAfter: Date) => ({
    tenantId,
    kind: "confirmed" as const,
    recipient: "customer" as const,
    payload: {} as never,
    sendAfter,
  });

  it("wakes a worker only once the change commits, never for one rolled back", async () => {
    const { tenant } = await seedTenant(handle.db);
    heard.length = 0;
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.insert(paymentEvents).values({ id: "evt_rolled_back", type: "x", payload: {} });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    let heldBack = 0;
    const committed = nextHeard();
    await handle.db.transaction(async (tx) => {
      // Two messages due now and a reminder: one wake-up now, one at the reminder's time.
      await tx
        .insert(outboundMessages)
        .values([
          message(tenant.id, new Date(NOW - 1_000)),
          message(tenant.id, new Date(NOW - 1_000)),
          message(tenant.id, new Date("2030-01-02T09:00:00Z")),
        ]);
      heldBack = heard.length;
    });
    await committed;
    expect(heldBack).toBe(0);
    await (heard.length < 2 ? nextHeard() : undefined);
    expect(heard.sort()).toEqual(["messages 2030-01-02T09:00:00.000Z", "messages now"]);
  });

  it("wakes the messages worker again when a message is queued again, not when it is claimed", async () => {
    const { tenant } = await seedTenant(handle.db);
    const [row] = await handle.db
      .insert(outboundMessages)
      .values(message(tenant.id, new Date(NOW - 1_000)))
      .returning();
    await nextHeard();
    heard.length = 0;
    const where = and(
      eq(outboundMessages.tenantId, tenant.id),
      eq(outboundMessages.id, row?.id ?? ""),
    );
    await handle.db.update(outboundMessages).set({ status: "sending" }).where(where);
    const requeued = nextHeard();
    await handle.db
      .update(outboundMessages)
      .set({ status: "queued", sendAfter: new Date("2030-01-01T12:05:00Z") })
      .where(where);
    await requeued;
    // The claim (queued → sending) said nothing: the only wake-up is the retry's.
    expect(heard).toEqual(["messages 2030-01-01T12:05:00.000Z"]);
  });

  it("wakes the payments worker for a Stripe event received", async () => {
    heard.length = 0;
    const woken = nextHeard();
    await handle.db.insert(paymentEvents).values({ id: `evt_${engine}`, type: "x", payload: {} });
    await woken;
    expect(heard).toEqual(["payments now"]);
  });
});
