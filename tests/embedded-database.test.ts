import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseLockedError, openDatabase } from "@/db/client";
import { appointments } from "@/db/schema";
import { boundedCache } from "@/lib/cache/bounded-cache";
import { seedDemoIfEmpty } from "@/lib/demo/seed";
import { env } from "@/lib/env";
import { findTenantBySlug } from "@/lib/tenants/find-tenant";
import { seedTenant } from "./helpers/fixtures";

const newDataDir = () => path.join(mkdtempSync(path.join(tmpdir(), "rv-lock-")), "pglite");

/** A process that has exited but is not reaped yet: it still answers signal 0. */
async function zombiePid(): Promise<{ pid: number; done: () => void }> {
  // The shell starts `true` in the background, prints its pid, then becomes `sleep`, which
  // never reaps its child.
  const parent = spawn("sh", ["-c", "true & echo $!; exec sleep 30"]);
  const pid = await new Promise<number>((resolve) =>
    parent.stdout.once("data", (data) => resolve(Number(String(data).trim()))),
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { pid, done: () => parent.kill("SIGKILL") };
}

describe("the embedded database's lock", () => {
  it("takes over the lock of a holder that died, even one not reaped yet", async () => {
    const zombie = await zombiePid();
    try {
      const dataDir = newDataDir();
      await openDatabase({ dataDir }).then((h) => h.close());
      writeFileSync(path.join(dataDir, "rendezvous.lock"), String(zombie.pid));
      const handle = await openDatabase({ dataDir });
      await handle.close();
    } finally {
      zombie.done();
    }
  });

  it("waits for a live holder to let go, and refuses with a clear error if it does not", async () => {
    const dataDir = newDataDir();
    const holder = await openDatabase({ dataDir });
    // Held by this very process through another handle counts as its own: fake another holder.
    writeFileSync(path.join(dataDir, "rendezvous.lock"), String(process.ppid));
    await expect(openDatabase({ dataDir, lockWaitMs: 300 })).rejects.toThrow(DatabaseLockedError);
    await expect(openDatabase({ dataDir, lockWaitMs: 0 })).rejects.toThrow(/in use by process \d+/);
    await holder.close();
    // A holder that lets go while we wait: the lock is taken then, not refused.
    const lock = path.join(dataDir, "rendezvous.lock");
    writeFileSync(lock, String(process.ppid));
    setTimeout(() => rmSync(lock), 300);
    const next = await openDatabase({ dataDir, lockWaitMs: 10_000 });
    await next.close();
  });
});

describe("the demo business", () => {
  it("is created on an empty database only, never beside a business created first", async () => {
    const empty = await openDatabase({});
    expect(await seedDemoIfEmpty(empty.db)).toBe(true);
    const demo = await findTenantBySlug(empty.db, "demo");
    expect(demo).toBeTruthy();
    // With a week of sample bookings, so that its calendar is not empty on first sight.
    const booked = await empty.db.select().from(appointments);
    expect(booked.length).toBeGreaterThanOrEqual(6);
    expect(new Set(booked.map((a) => a.status))).toEqual(new Set(["confirmed", "pending"]));
    await empty.close();

    const used = await openDatabase({});
    await seedTenant(used.db);
    expect(await seedDemoIfEmpty(used.db)).toBe(false);
    expect(await findTenantBySlug(used.db, "demo")).toBeUndefined();
    await used.close();
  });
});

describe("boundedCache", () => {
  it("keeps its entries within its share of CACHE_MAX_MB, in bytes, dropping the oldest", () => {
    const cache = boundedCache<string>(0.01, (value) => value.length * 2);
    const budget = env().cacheMaxBytes * 0.01;
    const big = "x".repeat(100_000);
    for (let i = 0; i < 50; i++) cache.set(`k${i}`, big);
    expect(cache.calculatedSize).toBeLessThanOrEqual(budget);
    expect(cache.has("k49")).toBe(true);
    expect(cache.has("k0")).toBe(false);
  });
});
