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
 * range expression, same predicate). The answer is one text of epoch milliseconds per timeline:
 * thousands of rows cost far more to decode.
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
        ), bounds as (
          select staff_id, resource_id, (extract(epoch from held_from) * 1000)::bigint || ',' ||
                 (extract(epoch from held_until) * 1000)::bigint as pair
          from held
        )
        select 's' as kind, staff_id as id, string_agg(pair, ',') as bounds from bounds
        ${options.staffId ? sql`where staff_id = ${options.staffId}` : sql``}
        group by staff_id
        union all
        select 'r', resource_id, string_agg(pair, ',') from bounds
        where resource_id is not null group by resource_id`;
}
