import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { describeError } from "@/lib/logger";
import packageJson from "@/package.json";

/** Readiness: whether the database answers, how fast, and which version runs. */
export async function checkHealth() {
  const started = performance.now();
  let database: { status: "ok" | "error"; driver: string; latencyMs?: number; error?: string };
  const driver = env().embedded ? "pglite" : "postgres";
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    database = {
      status: "ok",
      driver,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
    };
  } catch (error) {
    database = { status: "error", driver, error: describeError(error).split("\n")[0] };
  }
  return {
    status: database.status === "ok" ? ("ok" as const) : ("error" as const),
    version: packageJson.version,
    uptimeSeconds: Math.round(process.uptime()),
    checks: { database },
  };
}
