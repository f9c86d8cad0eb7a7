import { PgPreparedQuery } from "drizzle-orm/pg-core";
import { metrics } from "@/lib/metrics";

// PostgreSQL quotes the offending value at the end of some messages (`invalid input syntax for
// type uuid: "…"`), and that value may be a customer's.
export const redactValue = (message: string) => message.replace(/: ".*"$/s, ': "[redacted]"');

/**
 * A failed query as it may travel and be logged, by us or by Next.js: the SQLSTATE and the
 * driver's message, without the query's parameters (drizzle's own error prints them, and the
 * drivers' errors carry them as properties).
 */
export class DatabaseQueryError extends Error {
  override name = "DatabaseQueryError";
  readonly code: string | undefined;

  constructor(cause: unknown) {
    const code = (cause as { code?: unknown } | null)?.code;
    const sqlState = typeof code === "string" ? code : undefined;
    const message = cause instanceof Error ? redactValue(cause.message) : "query failed";
    super(`database error${sqlState ? ` ${sqlState}` : ""}: ${message}`);
    this.code = sqlState;
  }
}

const patched = Symbol.for("rendezvous.queriesInstrumented");

/**
 * Makes every drizzle query (both drivers) fail with a DatabaseQueryError instead of drizzle's
 * DrizzleQueryError, whose message lists the parameters, and counts the queries in flight for the
 * metrics. Patched at the one method all prepared queries go through, once per copy of drizzle-orm.
 */
export function instrumentQueries() {
  const prototype = PgPreparedQuery.prototype as unknown as Record<symbol | string, unknown>;
  if (prototype[patched]) return;
  const original = prototype.queryWithCache as (...args: unknown[]) => Promise<unknown>;
  prototype.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    const inFlight = metrics().databaseInUse;
    inFlight.inc();
    try {
      return await original.apply(this, args);
    } catch (error) {
      throw new DatabaseQueryError((error as { cause?: unknown }).cause ?? error);
    } finally {
      inFlight.dec();
    }
  };
  prototype[patched] = true;
}
