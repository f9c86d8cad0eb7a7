import { and, eq, isNull, sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import { holdingStatusList } from "@/db/holding-time";
import { appointments, classSessions, resources, type Tenant } from "@/db/schema";
import type { BookingInput } from "@/lib/appointments";
import { type Actor, scheduleChangeCtes } from "@/lib/audit";
import { customerCte } from "@/lib/customers";
import { AppError } from "@/lib/errors/app-error";
import type { BookingContext, StaffSchedule } from "@/lib/offer";
import { slotRulesOf } from "@/lib/offer";
import { alongCte } from "@/lib/payments";
import { MINUTE_MS } from "@/lib/scheduling/durations";
import {
  type AlongBooking,
  type BookedAppointment,
  type BookingOptions,
  initialStatus,
  newBookingFields,
} from "./booking-result";
import { newManageToken } from "./manage-token";

/**
 * Books a seat of a class session starting at `start` (of the staff and at the places chosen):
 * the lowest seat free. The session's row is locked first, in a statement of its own, so that
 * bookers of one session take turns and each then counts the seats the previous ones committed;
 * the seat's exclusion constraint and its CHECK against the session's capacity are what make
 * overbooking impossible, whatever the app does. A full session is SLOT_UNAVAILABLE.
 */
export async function bookSeat(
  db: Database,
  tenant: Tenant,
  context: BookingContext,
  staff: StaffSchedule[],
  input: BookingInput,
  start: number,
  now: Date,
  actor: Actor,
  options: BookingOptions,
  along: AlongBooking,
): Promise<BookedAppointment> {
  const rules = slotRulesOf(context.activity, tenant);
  const tooSoon = start < now.getTime() + rules.minimumNoticeMinutes * MINUTE_MS;
  const tooFar = start > now.getTime() + rules.maxAdvanceDays * 1440 * MINUTE_MS;
  if ((tooSoon || tooFar) && options.outsideHours !== "allow") {
    throw new AppError("SLOT_UNAVAILABLE");
  }
  const teachers = new Map(staff.map((s) => [s.id, s]));
  const sessions = await db
    .select({ id: classSessions.id, staffId: classSessions.staffId })
    .from(classSessions)
    .where(
      and(
        eq(classSessions.tenantId, tenant.id),
        eq(classSessions.activityId, context.activity.id),
        eq(classSessions.startsAt, new Date(start)),
        isNull(classSessions.cancelledAt),
      ),
    );
  for (const session of sessions) {
    const teacher = teachers.get(session.staffId);
    if (!teacher) continue;
    const booked = await db.transaction(async (tx) => {
      await tx
        .select({ id: classSessions.id })
        .from(classSessions)
        .where(and(eq(classSessions.tenantId, tenant.id), eq(classSessions.id, session.id)))
        .for("update");
      return insertSeat(tx, tenant, context, teacher, session.id, input, options, actor, along);
    });
    if (booked) return booked;
  }
  throw new AppError("SLOT_UNAVAILABLE");
}

async function insertSeat(
  db: Database,
  tenant: Tenant,
  context: BookingContext,
  teacher: StaffSchedule,
  sessionId: string,
  input: BookingInput,
  options: BookingOptions,
  actor: Actor,
  along: AlongBooking,
): Promise<BookedAppointment | null> {
  const { activity } = context;
  const status = initialStatus(tenant, actor, along.due, options);
  const c = input.clientInfo;
  const manage = newManageToken();
  const owed = along.owe(manage.token);
  const [row] = await queryRows<{
    id: string;
    customer_id: string | null;
    seat: number;
    capacity: number;
    location_id: string;
    resource_id: string | null;
    starts_at: string | Date;
    ends_at: string | Date;
    blocked_from: string | Date;
    blocked_until: string | Date;
    meeting_url: string | null;
    resource_name: string | null;
    created_at: string | Date;
  }>(
    db,
    sql`with session as (
          select s.*, (select min(g.n) from generate_series(1, s.capacity) as g(n)
                       where not exists (select 1 from ${appointments} a
                         where a.tenant_id = s.tenant_id and a.class_session_id = s.id
                           and a.seat = g.n and a.status in (${holdingStatusList}))) as free_seat
          from ${classSessions} s
          where s.tenant_id = ${tenant.id} and s.id = ${sessionId} and s.cancelled_at is null
        )${customerCte(tenant.id, c, sql`(select 1 from session where free_seat is not null)`, along.now)}, inserted as (
          insert into ${appointments} (tenant_id, activity_id, staff_id, location_id, resource_id,
            class_session_id, seat, seat_capacity, starts_at, ends_at, blocked_from, blocked_until,
            status, client_name, client_email, client_phone, client_address,
            client_custom_field_value, manage_token_hash, reminder_minutes, customer_id,
            privacy_accepted_at, marketing_opt_in_at)
          select tenant_id, activity_id, staff_id, location_id, resource_id, id, free_seat,
            capacity, starts_at, ends_at, blocked_from, blocked_until,
            ${status}::appointment_status, ${c.name}, ${c.email}, ${c.phone}, ${c.address},
            ${c.customFieldValue}, ${manage.hash}, ${input.reminderMinutes}::int, (select id from cust),
            ${along.consent.privacyAcceptedAt?.toISOString() ?? null}::timestamptz,
            ${along.consent.marketingOptInAt?.toISOString() ?? null}::timestamptz
          from session where free_seat is not null
          returning id, activity_id, staff_id, seat, seat_capacity as capacity, location_id,
            resource_id, class_session_id,
            starts_at, ends_at, blocked_from, blocked_until, status, created_at, customer_id
        ), ${scheduleChangeCtes(tenant.id, actor, {
          action: "appointment.create",
          entityType: "appointment",
          entityId: sql`id::text`,
          before: sql`null::jsonb`,
          after: sql`jsonb_build_object('activityId', ${activity.id}::uuid,
            'classSessionId', class_session_id, 'seat', seat, 'startsAt', starts_at,
            'status', status)`,
          source: sql`inserted`,
        })}${alongCte(tenant.id, along, owed, sql`inserted`)}
        select i.*, (select meeting_url from session) as meeting_url,
          (select r.name from ${resources} r
           where r.tenant_id = ${tenant.id} and r.id = i.resource_id) as resource_name
        from inserted i`,
  );
  if (!row) return null;
  const location = context.locations.find((l) => l.id === row.location_id);
  return {
    ...newBookingFields({ tenantId: tenant.id, status, input, manage, along, owed, row }),
    id: row.id,
    activityId: activity.id,
    staffId: teacher.id,
    locationId: row.location_id,
    resourceId: row.resource_id,
    classSessionId: sessionId,
    seat: row.seat,
    seatCapacity: row.capacity,
    meetingUrl: row.meeting_url,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    blockedFrom: new Date(row.blocked_from),
    blockedUntil: new Date(row.blocked_until),
    activityName: activity.name,
    activityColor: activity.color,
    staffName: teacher.name,
    staffColor: teacher.color,
    locationName: location?.name ?? "",
    resourceName: row.resource_name,
  };
}
