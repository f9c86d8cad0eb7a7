import { and, asc, desc, eq, gt, gte, inArray, lt, sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import { holdingStatusList } from "@/db/holding-time";
import {
  type Appointment,
  type AppointmentStatus,
  activities,
  appointments,
  classSessions,
  locations,
  resources,
  staffMembers,
} from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { CursorKey } from "@/lib/http/cursor";
import { keyTime } from "@/lib/http/cursor";
import { type PaymentSummary, paymentOfAppointment } from "./payment-summary";

/**
 * An appointment with the name and color of its activity and of its staff member, the names of
 * its location and resource (deleted ones included), and its meeting link (a class seat's is its
 * session's).
 */
export type AppointmentRow = Appointment & {
  activityName: string;
  activityColor: string;
  staffName: string;
  staffColor: string;
  locationName: string;
  resourceName: string | null;
  payment: PaymentSummary | null;
};

/** The names an AppointmentRow adds, to select beside the appointment (joinActivity, joinStaff). */
export const appointmentNames = {
  activityName: activities.name,
  activityColor: activities.color,
  staffName: staffMembers.name,
  staffColor: staffMembers.color,
  locationName: sql<string>`(select l.name from ${locations} l
    where l.tenant_id = ${appointments.tenantId} and l.id = ${appointments.locationId})`,
  resourceName: sql<string | null>`(select r.name from ${resources} r
    where r.tenant_id = ${appointments.tenantId} and r.id = ${appointments.resourceId})`,
  meetingUrl: sql<string | null>`coalesce(${appointments.meetingUrl}, (select cs.meeting_url
    from ${classSessions} cs where cs.tenant_id = ${appointments.tenantId}
      and cs.id = ${appointments.classSessionId}))`,
  payment: paymentOfAppointment,
};

const rowColumns = { appointment: appointments, ...appointmentNames };

/** An appointment's own activity, within its tenant (the composite foreign key's columns). */
export const joinActivity = and(
  eq(activities.tenantId, appointments.tenantId),
  eq(activities.id, appointments.activityId),
);

/** An appointment's own staff member, within its tenant. */
export const joinStaff = and(
  eq(staffMembers.tenantId, appointments.tenantId),
  eq(staffMembers.id, appointments.staffId),
);

const flatten = ({
  appointment,
  ...names
}: { appointment: Appointment } & Omit<AppointmentRow, keyof Appointment>): AppointmentRow => ({
  ...appointment,
  ...names,
});

export interface AppointmentFilter {
  statuses?: AppointmentStatus[];
  /** Bounds in epoch milliseconds, of the start (`starts`, the default) or of the whole appointment. */
  from?: number;
  to?: number;
  match?: "starts" | "overlaps";
  staffId?: string;
  activityId?: string;
  classSessionId?: string;
  customerId?: string;
  /** A page: at most `limit` appointments after this one, by start time then id. */
  page?: { after?: CursorKey; limit: number };
  /** Latest first. */
  descending?: boolean;
  /** By when they were booked rather than when they take place. */
  byCreation?: boolean;
}

export async function listAppointments(
  db: Database,
  tenantId: string,
  filter: AppointmentFilter = {},
): Promise<AppointmentRow[]> {
  const sortTime = filter.byCreation ? keyTime(appointments.createdAt) : appointments.startsAt;
  const query = db
    .select(rowColumns)
    .from(appointments)
    .innerJoin(activities, joinActivity)
    .innerJoin(staffMembers, joinStaff)
    .where(
      and(
        eq(appointments.tenantId, tenantId),
        filter.staffId ? eq(appointments.staffId, filter.staffId) : undefined,
        filter.activityId ? eq(appointments.activityId, filter.activityId) : undefined,
        filter.customerId ? eq(appointments.customerId, filter.customerId) : undefined,
        filter.page?.after
          ? sql`(${sortTime}, ${appointments.id}) ${sql.raw(filter.descending ? "<" : ">")}
              (${filter.page.after.at.toISOString()}::timestamptz, ${filter.page.after.id}::uuid)`
          : undefined,
        filter.classSessionId ? eq(appointments.classSessionId, filter.classSessionId) : undefined,
        filter.statuses ? inArray(appointments.status, filter.statuses) : undefined,
        filter.from === undefined
          ? undefined
          : filter.match === "overlaps"
            ? gt(appointments.endsAt, new Date(filter.from))
            : gte(appointments.startsAt, new Date(filter.from)),
        filter.to === undefined ? undefined : lt(appointments.startsAt, new Date(filter.to)),
      ),
    )
    .orderBy(
      ...(filter.page || filter.byCreation
        ? // The page's key only, so that the next page starts exactly where this one ended.
          [sortTime, appointments.id]
        : [appointments.startsAt, appointments.seat, appointments.createdAt, appointments.id]
      ).map((column) => (filter.descending ? desc(column) : asc(column))),
    );
  const rows = filter.page ? await query.limit(filter.page.limit) : await query;
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
    .innerJoin(staffMembers, joinStaff)
    .where(and(eq(appointments.tenantId, tenantId), eq(appointments.id, id)));
  const [row] = options.forUpdate ? await query.for("update", { of: appointments }) : await query;
  if (!row) throw new AppError("NOT_FOUND");
  return flatten(row);
}

/**
 * Whether a pending or confirmed appointment, or a class session, not yet over is the given
 * activity's, staff member's or resource's: what keeps them from being removed or moved away.
 */
export async function hasUpcomingBookings(
  db: Database,
  tenantId: string,
  holder: { column: "activity_id" | "staff_id" | "resource_id"; id: string },
  now: Date,
): Promise<boolean> {
  const column = sql.identifier(holder.column);
  const at = now.toISOString();
  const [row] = await queryRows<{ used: boolean }>(
    db,
    sql`select exists (
          select 1 from ${appointments} where tenant_id = ${tenantId} and ${column} = ${holder.id}
            and status in (${holdingStatusList}) and ends_at > ${at}::timestamptz
        ) or exists (
          select 1 from ${classSessions} where tenant_id = ${tenantId} and ${column} = ${holder.id}
            and cancelled_at is null and ends_at > ${at}::timestamptz
        ) as used`,
  );
  return row?.used === true;
}
