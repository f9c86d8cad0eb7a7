import { and, asc, eq, gt, gte, inArray, lt, sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import {
  type Appointment,
  type AppointmentStatus,
  activities,
  appointments,
  holdingStatuses,
} from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { Interval } from "@/lib/scheduling/opening-windows";

/** An appointment with the name and color of its activity (deleted activities included). */
export type AppointmentRow = Appointment & { activityName: string; activityColor: string };

const rowColumns = {
  appointment: appointments,
  activityName: activities.name,
  activityColor: activities.color,
};

/** An appointment's own activity, within its tenant (the composite foreign key's columns). */
export const joinActivity = and(
  eq(activities.tenantId, appointments.tenantId),
  eq(activities.id, appointments.activityId),
);

const flatten = (r: { appointment: Appointment; activityName: string; activityColor: string }) => ({
  ...r.appointment,
  activityName: r.activityName,
  activityColor: r.activityColor,
});

export interface AppointmentFilter {
  statuses?: AppointmentStatus[];
  /** Bounds in epoch milliseconds, of the start (`starts`, the default) or of the whole appointment. */
  from?: number;
  to?: number;
  match?: "starts" | "overlaps";
}

export async function listAppointments(
  db: Database,
  tenantId: string,
  filter: AppointmentFilter = {},
): Promise<AppointmentRow[]> {
  const rows = await db
    .select(rowColumns)
    .from(appointments)
    .innerJoin(activities, joinActivity)
    .where(
      and(
        eq(appointments.tenantId, tenantId),
        filter.statuses ? inArray(appointments.status, filter.statuses) : undefined,
        filter.from === undefined
          ? undefined
          : filter.match === "overlaps"
            ? gt(appointments.endsAt, new Date(filter.from))
            : gte(appointments.startsAt, new Date(filter.from)),
        filter.to === undefined ? undefined : lt(appointments.startsAt, new Date(filter.to)),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
  return rows.map(flatten);
}

export async function getAppointment(
  db: Database,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<AppointmentRow> {
  const query = db
    .select(rowColumns)
    .from(appointments)
    .innerJoin(activities, joinActivity)
    .where(and(eq(appointments.tenantId, tenantId), eq(appointments.id, id)));
  const [row] = options.forUpdate ? await query.for("update", { of: appointments }) : await query;
  if (!row) throw new AppError("NOT_FOUND");
  return flatten(row);
}

/**
 * Time held by pending and confirmed appointments (buffers included) overlapping [from, to), but
 * for the one being moved (`exceptId`). The
 * query matches the no-overlap constraint's GiST index (same range expression, same predicate) and
 * answers with one text of epoch milliseconds: thousands of rows cost far more to decode.
 */
export async function listBusyIntervals(
  db: Database,
  tenantId: string,
  from: number,
  to: number,
  options: { exceptId?: string } = {},
): Promise<Interval[]> {
  const [row] = await queryRows<{ bounds: string | null }>(
    db,
    sql`select string_agg(
               (extract(epoch from ${appointments.blockedFrom}) * 1000)::bigint || ',' ||
               (extract(epoch from ${appointments.blockedUntil}) * 1000)::bigint, ',') as bounds
        from ${appointments}
        where ${appointments.tenantId} = ${tenantId}
          and ${inArray(appointments.status, holdingStatuses)}
          ${options.exceptId ? sql`and ${appointments.id} <> ${options.exceptId}` : sql``}
          and tstzrange(${appointments.blockedFrom}, ${appointments.blockedUntil}, '[)')
              && tstzrange(${new Date(from).toISOString()}::timestamptz, ${new Date(to).toISOString()}::timestamptz, '[)')`,
  );
  const bounds = row?.bounds ? row.bounds.split(",").map(Number) : [];
  const intervals: Interval[] = [];
  for (let i = 0; i + 1 < bounds.length; i += 2) {
    intervals.push({ start: bounds[i] as number, end: bounds[i + 1] as number });
  }
  return intervals;
}
