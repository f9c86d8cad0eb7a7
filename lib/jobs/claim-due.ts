import { type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { type Database, queryRows } from "@/db/client";

export interface Claimed {
  tenant_id: string;
  id: string;
  /** Tries so far, this one included. */
  attempts: number;
}

/**
 * Takes rows of a worker's outbox table for this process, in one statement: each gets a lease
 * (claimed_until, after which another process may take it again, so that a process that died
 * mid-way loses it) and one more attempt. `candidates` selects the due rows' (tenant_id, id) in
 * order, with FOR UPDATE SKIP LOCKED, so that two instances never take the same row.
 */
export function claimDue(
  db: Database,
  options: { table: PgTable; candidates: SQL; now: Date; leaseMs: number; alsoSet?: SQL },
): Promise<Claimed[]> {
  const { table, candidates, now, leaseMs, alsoSet } = options;
  return queryRows<Claimed>(
    db,
    sql`update ${table} t
        set claimed_until = ${now.toISOString()}::timestamptz + make_interval(secs => ${leaseMs / 1000}),
          attempts = t.attempts + 1${alsoSet ? sql`, ${alsoSet}` : sql``}
        where (t.tenant_id, t.id) in (${candidates})
        returning t.tenant_id, t.id, t.attempts`,
  );
}
