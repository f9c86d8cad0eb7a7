import { type SQL, sql } from "drizzle-orm";
import { sqlStateOf } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { MINUTE_MS } from "@/lib/scheduling/durations";

const LOCK_BUCKET_MS = 15 * MINUTE_MS;
const MAX_ATTEMPTS = 3;

/**
 * The first and last 15-minute buckets of time that the half-open range [from, until) touches:
 * two ranges that overlap always share one, so the bookings holding them take turns.
 */
export function lockBuckets(from: number, until: number): [number, number] {
  return [Math.floor(from / LOCK_BUCKET_MS), Math.floor((until - 1) / LOCK_BUCKET_MS)];
}

/**
 * A query that takes transaction-scoped advisory locks on the buckets of a staff member's calendar
 * that [from, until) touches, in ascending order, and answers one row (`n`). Writes that could
 * overlap (same person, same time) take turns this way instead of waiting on each other's rows in
 * the exclusion check, which deadlocks under load; different people's writes never wait.
 */
export function timeLocks(tenantId: string, staffId: string, from: number, until: number): SQL {
  const [first, last] = lockBuckets(from, until);
  return sql`select count(pg_advisory_xact_lock(hashtext(${`${tenantId}:${staffId}`}), bucket)) as n
             from generate_series(${first}::int, ${last}::int) as bucket`;
}

/**
 * Runs a write that holds time. A violated no-overlap constraint (23P01) becomes SLOT_UNAVAILABLE
 * in toAppError, like everywhere else; should PostgreSQL still abort the write as a deadlock, a
 * retry answers.
 */
export async function withDeadlockRetry<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const state = sqlStateOf(error);
      if (state !== "40P01" && state !== "40001") throw error;
      if (attempt >= MAX_ATTEMPTS) throw new AppError("SLOT_UNAVAILABLE");
    }
  }
}
