import { inArray, sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import { appointments, holdingStatuses } from "@/db/schema";
import type { Interval } from "@/lib/scheduling/opening-windows";

/** Time held per staff member (by id). */
export type BusyTime = ReadonlyMap<string, Interval[]>;

/**
 * Time held by pending and confirmed appointments (buffers included) overlapping [from, to), per
 * staff member (all of them, or `staffId`'s), but for the one being moved (`exceptId`). The query
 * matches the no-overlap constraint's GiST index (same range expression, same predicate) and
 * answers with one text of epoch milliseconds per staff member: thousands of rows cost far more
 * to decode.
 */
export async function listBusyTime(
  db: Database,
  tenantId: string,
  from: number,
  to: number,
  options: { exceptId?: string; staffId?: string | null } = {},
): Promise<BusyTime> {
  const rows = await queryRows<{ staff_id: string; bounds: string }>(
    db,
    sql`select ${appointments.staffId} as staff_id, string_agg(
               (extract(epoch from ${appointments.blockedFrom}) * 1000)::bigint || ',' ||
               (extract(epoch from ${appointments.blockedUntil}) * 1000)::bigint, ',') as bounds
        from ${appointments}
        where ${appointments.tenantId} = ${tenantId}
          and ${inArray(appointments.status, holdingStatuses)}
          ${options.staffId ? sql`and ${appointments.staffId} = ${options.staffId}` : sql``}
          ${options.exceptId ? sql`and ${appointments.id} <> ${options.exceptId}` : sql``}
          and tstzrange(${appointments.blockedFrom}, ${appointments.blockedUntil}, '[)')
              && tstzrange(${new Date(from).toISOString()}::timestamptz, ${new Date(to).toISOString()}::timestamptz, '[)')
        group by ${appointments.staffId}`,
  );
  const busy = new Map<string, Interval[]>();
  for (const row of rows) {
    const bounds = row.bounds.split(",").map(Number);
    const intervals: Interval[] = [];
    for (let i = 0; i + 1 < bounds.length; i += 2) {
      intervals.push({ start: bounds[i] as number, end: bounds[i + 1] as number });
    }
    busy.set(row.staff_id, intervals);
  }
  return busy;
}
