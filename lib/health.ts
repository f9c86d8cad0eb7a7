import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { describeError } from "@/lib/logger";
import packageJson from "@/package.json";

const TIMEOUT_MS = 2_000;

/** Whether the database answers, and how fast; never waits longer than two seconds. */
export async function checkDatabase() {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().then((db) => db.execute(sql`select 1`)),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("no answer within 2 s")), TIMEOUT_MS);
      }),
    ]);
    return {
      status: "ok" as const,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
    };
  } catch (error) {
    return { status: "error" as const, error: describeError(error).split("\n")[0] };
  } finally {
    clearTimeout(timer);
  }
}

/** Readiness in detail, for operators holding the metrics token: database, version, uptime. */
export async function checkHealth() {
  const database = await checkDatabase();
  return {
    status: database.status,
    version: packageJson.version,
    uptimeSeconds: Math.round(process.uptime()),
    checks: { database: { ...database, driver: env().embedded ? "pglite" : "postgres" } },
  };
}
