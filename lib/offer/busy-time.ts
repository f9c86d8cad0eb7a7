import { sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import { holdsOwnTime } from "@/db/holding-time";
import { appointments, classSessions } from "@/db/schema";
import type { Interval } from "@/lib/scheduling/opening-windows";

/** Time held, per staff member and per resource (by id). */
export interface BusyTime {
  staff: ReadonlyMap<string, Interval[]>;
  resources: ReadonlyMap<string, Interval[]>;
}

/**
 * Time held (buffers included) overlapping [from, to), per staff member (all of them, or
 * `staffId`'s) and per resource: by pending and confirmed appointments, but for the one being
 * moved (`exceptId`), and by class sessions, which hold their teacher's and room's time once for
 * all their seats. The appointments' half matches the no-overlap constraint's GiST index (same
 * range expression, same predicate). Each timeline's time comes merged by the database (`range_agg`:
 * a morning of back-to-back bookings is one interval, which is all the engine needs to know) as
 * one text of epoch milliseconds: thousands of rows cost far more to build and decode.
 */
export async function listBusyTime(
  db: Database,
  tenantId: string,
  from: number,
  to: number,
  options: BusyOptions = {},
): Promise<BusyTime> {
  const rows = await queryRows<{ kind: "s" | "r"; id: string; bounds: string }>(
    db,
    busyTimeQuery(tenantId, from, to, options),
  );
  const busy = { staff: new Map<string, Interval[]>(), resources: new Map<string, Interval[]>() };
  for (const row of rows) {
    const bounds = row.bounds.split(",").map(Number);
    const intervals: Interval[] = [];
    for (let i = 0; i + 1 < bounds.length; i += 2) {
      intervals.push({ start: bounds[i] as number, end: bounds[i + 1] as number });
    }
    (row.kind === "s" ? busy.staff : busy.resources).set(row.id, intervals);
  }
  return busy;
}

interface BusyOptions {
  exceptId?: string;
  staffId?: string | null;
}

/** listBusyTime's one statement (also for EXPLAIN in the profile). */
export function busyTimeQuery(tenantId: string, from: number, to: number, options: BusyOptions) {
  const range = sql`tstzrange(${new Date(from).toISOString()}::timestamptz, ${new Date(to).toISOString()}::timestamptz, '[)')`;
  return sql`with held as (
          select ${appointments.staffId} as staff_id, ${appointments.resourceId} as resource_id,
                 ${appointments.blockedFrom} as held_from, ${appointments.blockedUntil} as held_until
          from ${appointments}
          where ${appointments.tenantId} = ${tenantId}
            and ${holdsOwnTime}
            ${options.exceptId ? sql`and ${appointments.id} <> ${options.exceptId}` : sql``}
            and tstzrange(${appointments.blockedFrom}, ${appointments.blockedUntil}, '[)') && ${range}
          union all
          select staff_id, resource_id, blocked_from, blocked_until
          from ${classSessions}
          where tenant_id = ${tenantId} and cancelled_at is null
            and tstzrange(blocked_from, blocked_until, '[)') && ${range}
        ), merged as (
          select 's' as kind, staff_id as id,
                 unnest(range_agg(tstzrange(held_from, held_until, '[)'))) as span
          from held
          ${options.staffId ? sql`where staff_id = ${options.staffId}` : sql``}
          group by staff_id
          union all
          select 'r', resource_id, unnest(range_agg(tstzrange(held_from, held_until, '[)')))
          from held where resource_id is not null group by resource_id
        )
        select kind, id, string_agg((extract(epoch from lower(span)) * 1000)::bigint || ',' ||
                                    (extract(epoch from upper(span)) * 1000)::bigint, ',') as bounds
        from merged group by kind, id`;
}
