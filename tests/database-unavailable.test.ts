import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/http/error-response";
import { createTestDatabase, engines } from "./helpers/test-db";

/** A real driver error: postgres-js connecting to a port nothing listens on. */
async function failureOf(query: () => Promise<unknown>): Promise<unknown> {
  try {
    await query();
  } catch (error) {
    return error;
  }
  throw new Error("the query succeeded");
}

describe("a database that is away", () => {
  it("answers 503 SERVICE_UNAVAILABLE with Retry-After, not 500", async () => {
    const client = postgres("postgres://nobody@127.0.0.1:1/none", { connect_timeout: 2 });
    try {
      const error = await failureOf(() => drizzle({ client }).execute(sql`select 1`));
      const response = errorResponse(error, "en");
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    } finally {
      await client.end({ timeout: 1 });
    }
  });
});

// PGlite runs statements in-process: the time limit is PostgreSQL's.
describe.each(engines.filter((engine) => engine === "postgres"))("a slow statement on %s", () => {
  it("is stopped by the time limit and answered with the same 503", async () => {
    const handle = await createTestDatabase("postgres");
    try {
      const error = await failureOf(() =>
        handle.db.transaction(async (tx) => {
          await tx.execute(sql`set local statement_timeout = 50`);
          await tx.execute(sql`select pg_sleep(2)`);
        }),
      );
      expect(errorResponse(error, "fr").status).toBe(503);
    } finally {
      await handle.close();
    }
  });
});
