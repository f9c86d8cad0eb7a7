import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { type Database, queryRows } from "@/db/client";
import {
  type Activity,
  activities,
  appointments,
  holdingStatuses,
  staffMembers,
  type Tenant,
} from "@/db/schema";
import { type Actor, customerActor, scheduleChangeCtes } from "@/lib/audit/record-audit";
import { toInstant } from "@/lib/availability/date-time";
import { AppError } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/errors/to-app-error";
import { metrics } from "@/lib/metrics";
import {
  appointmentTimes,
  type BookingContext,
  chosenStaff,
  loadBookingContext,
  type StaffSchedule,
} from "@/lib/offer/booking-context";
import { staffOffering } from "@/lib/offer/find-slots";
import { addDays, dayInZone, zonedInstant } from "@/lib/scheduling/calendar-day";
import { assertOpenForBooking } from "@/lib/tenants/online-booking";
import type { AppointmentRow } from "./appointments";
import { newManageToken } from "./manage-token";
import { missingRequiredFields } from "./required-fields";
import type { BookingInput } from "./schema";
import { timeLocks, withDeadlockRetry } from "./time-locks";

/** A new booking, with the token of its private manage link (only a hash of it is stored). */
export type BookedAppointment = AppointmentRow & { manageToken: string };

/**
 * What to do with a start the slots do not offer (outside the hours, a closed day, within the
 * notice, off the grid): refuse it (SLOT_UNAVAILABLE, what customers get), ask (answer
 * "outsideHours" and book nothing, so the business can confirm), or allow it (the business's own
 * booking, confirmed). Overlaps are refused whatever this says.
 */
export type OutsideHours = "refuse" | "ask" | "allow";

export interface BookingOptions {
  status?: "pending" | "confirmed";
  outsideHours?: OutsideHours;
}

/**
 * Books an appointment (pending unless told otherwise) at a start time that the slots would offer
 * as available right now, with the staff member chosen, or else one who is free ("no preference").
 *
 * The slot engine checks everything but busy time (the grid, the hours, closed days, notice,
 * horizon); busy time is exactly what the no-overlap exclusion constraint enforces per staff
 * member, on the same buffered ranges, so the insert itself settles it: of two bookings of one
 * person at overlapping times, one gets SLOT_UNAVAILABLE, however many app instances there are.
 */
export async function bookAppointment(
  db: Database,
  tenant: Tenant,
  input: BookingInput,
  now: Date,
  actor?: Actor,
  options?: BookingOptions & { outsideHours?: "refuse" | "allow" },
): Promise<BookedAppointment>;
export async function bookAppointment(
  db: Database,
  tenant: Tenant,
  input: BookingInput,
  now: Date,
  actor: Actor,
  options: BookingOptions,
): Promise<BookedAppointment | "outsideHours">;
export async function bookAppointment(
  db: Database,
  tenant: Tenant,
  input: BookingInput,
  now: Date,
  actor: Actor = customerActor,
  options: BookingOptions = {},
): Promise<BookedAppointment | "outsideHours"> {
  try {
    const booked = await book(db, tenant, input, now, actor, options);
    if (booked !== "outsideHours") metrics().bookings.inc({ outcome: "created" });
    return booked;
  } catch (error) {
    metrics().bookings.inc({ outcome: toAppError(error).code });
    throw error;
  }
}

async function book(
  db: Database,
  tenant: Tenant,
  input: BookingInput,
  now: Date,
  actor: Actor,
  options: BookingOptions,
): Promise<BookedAppointment | "outsideHours"> {
  if (actor.type === "customer") assertOpenForBooking(tenant);
  const context = await loadBookingContext(db, tenant, input.activityId);
  const { activity } = context;
  // A service hidden from online booking is one customers cannot see, so cannot book.
  if (actor.type === "customer" && !activity.onlineBooking) {
    throw new AppError("NOT_FOUND", { activityId: "no such activity" });
  }
  const missing = missingRequiredFields(activity, input.clientInfo);
  if (missing) throw new AppError("VALIDATION_ERROR", missing);

  const start = toInstant(input.dateTime, tenant.timeZone);
  const candidates = chosenStaff(context, input.staffId);
  let offering = staffOffering(context, candidates, tenant, start, now);
  if (!offering.length) {
    const outsideHours = options.outsideHours ?? "refuse";
    if (outsideHours === "ask" && candidates.length) return "outsideHours";
    if (outsideHours !== "allow" || !candidates.length) throw new AppError("SLOT_UNAVAILABLE");
    offering = candidates.map((s) => s.id);
  }
  const status = options.status ?? "pending";
  const insert = (staff: StaffSchedule) =>
    withDeadlockRetry(() =>
      insertBooking(db, tenant, context.activity, staff, input, start, status, actor),
    );
  const byId = new Map(candidates.map((s) => [s.id, s]));
  const [only] = offering;
  if (offering.length === 1 && only) return insert(byId.get(only) as StaffSchedule);

  // No preference: the free one with the fewest bookings that day, then the business's order;
  // if the constraint refuses them (someone booked them meanwhile), the next one.
  for (const id of await fairOrder(db, tenant, context, offering, start)) {
    try {
      return await attempt(db, () => insert(byId.get(id) as StaffSchedule));
    } catch (error) {
      if (toAppError(error).code !== "SLOT_UNAVAILABLE") throw error;
    }
  }
  throw new AppError("SLOT_UNAVAILABLE");
}

/**
 * The staff members of `ids` who are free at `start` as far as committed bookings show, the one
 * with the fewest bookings that day (in the business's zone) first, ties in the given order.
 */
async function fairOrder(
  db: Database,
  tenant: Tenant,
  context: BookingContext,
  ids: string[],
  start: number,
): Promise<string[]> {
  const { blockedFrom, blockedUntil } = appointmentTimes(context.activity, start);
  const day = dayInZone(start, tenant.timeZone);
  const iso = (ms: number) => new Date(ms).toISOString();
  const dayFrom = iso(zonedInstant(day, 0, tenant.timeZone));
  const dayTo = iso(zonedInstant(addDays(day, 1), 0, tenant.timeZone));
  const held = sql`tstzrange(${appointments.blockedFrom}, ${appointments.blockedUntil}, '[)')`;
  const wanted = sql`tstzrange(${iso(blockedFrom)}::timestamptz, ${iso(blockedUntil)}::timestamptz, '[)')`;
  const rows = await queryRows<{ staff_id: string; n: number; busy: boolean }>(
    db,
    sql`select ${appointments.staffId} as staff_id,
          count(*) filter (where ${appointments.startsAt} >= ${dayFrom}::timestamptz
                             and ${appointments.startsAt} < ${dayTo}::timestamptz)::int as n,
          bool_or(${held} && ${wanted}) as busy
        from ${appointments}
        where ${appointments.tenantId} = ${tenant.id}
          and ${appointments.staffId} in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
          and ${appointments.status} in (${sql.join(
            holdingStatuses.map((s) => sql`${s}::appointment_status`),
            sql`, `,
          )})
          and (${held} && ${wanted} or (${appointments.startsAt} >= ${dayFrom}::timestamptz
                                       and ${appointments.startsAt} < ${dayTo}::timestamptz))
        group by ${appointments.staffId}`,
  );
  const load = new Map(rows.map((r) => [r.staff_id, r]));
  return ids
    .filter((id) => !load.get(id)?.busy)
    .map((id, order) => ({ id, order, n: load.get(id)?.n ?? 0 }))
    .sort((a, b) => a.n - b.n || a.order - b.order)
    .map((c) => c.id);
}

/** Runs one try so that its failure leaves a surrounding transaction usable (a savepoint). */
const attempt = <T>(db: Database, run: () => Promise<T>): Promise<T> =>
  db instanceof PgTransaction ? db.transaction(run) : run();

/**
 * One statement, so one transaction and one round trip:
 * - the time locks of the staff member's buffered range (see timeLocks);
 * - a share lock on the activity and the staff member, still live, so that deleting either waits
 *   for the booking;
 * - the insert, and the schedule change (version bump, audit entry without the customer's details).
 */
async function insertBooking(
  db: Database,
  tenant: Tenant,
  activity: Activity,
  staff: StaffSchedule,
  input: BookingInput,
  start: number,
  status: "pending" | "confirmed",
  actor: Actor,
): Promise<BookedAppointment> {
  const { end, blockedFrom, blockedUntil } = appointmentTimes(activity, start);
  const iso = (ms: number) => new Date(ms).toISOString();
  const c = input.clientInfo;
  const manage = newManageToken();
  const [row] = await queryRows<{ id: string; created_at: string | Date }>(
    db,
    sql`with locks as (
          ${timeLocks(tenant.id, staff.id, blockedFrom, blockedUntil)}
        ), live as (
          select a.id as activity_id, s.id as staff_id
          from ${activities} a, ${staffMembers} s, locks
          where a.tenant_id = ${tenant.id} and a.id = ${activity.id} and a.deleted_at is null
            and s.tenant_id = ${tenant.id} and s.id = ${staff.id} and s.deleted_at is null
            and locks.n >= 0
          for share of a, s
        ), inserted as (
          insert into ${appointments} (tenant_id, activity_id, staff_id, starts_at, ends_at,
            blocked_from, blocked_until, status, client_name, client_email, client_phone,
            client_address, client_custom_field_value, manage_token_hash)
          select ${tenant.id}, activity_id, staff_id, ${iso(start)}::timestamptz,
            ${iso(end)}::timestamptz, ${iso(blockedFrom)}::timestamptz,
            ${iso(blockedUntil)}::timestamptz, ${status}::appointment_status,
            ${c.name}, ${c.email}, ${c.phone}, ${c.address}, ${c.customFieldValue}, ${manage.hash}
          from live
          returning id, tenant_id, activity_id, staff_id, starts_at, status, created_at
        ), ${scheduleChangeCtes(tenant.id, actor, {
          action: "appointment.create",
          entityType: "appointment",
          entityId: sql`id::text`,
          before: sql`null::jsonb`,
          after: sql`jsonb_build_object('activityId', activity_id, 'staffId', staff_id,
            'startsAt', starts_at, 'status', status)`,
          source: sql`inserted`,
        })}
        select id, created_at from inserted`,
  );
  // No row: the activity or the staff member was deleted since they were read.
  if (!row) throw new AppError("NOT_FOUND", { activityId: "no such activity" });
  return {
    tenantId: tenant.id,
    id: row.id,
    activityId: activity.id,
    staffId: staff.id,
    startsAt: new Date(start),
    endsAt: new Date(end),
    blockedFrom: new Date(blockedFrom),
    blockedUntil: new Date(blockedUntil),
    status,
    clientName: c.name,
    clientEmail: c.email,
    clientPhone: c.phone,
    clientAddress: c.address,
    clientCustomFieldValue: c.customFieldValue,
    policyStartsAt: null,
    manageTokenHash: manage.hash,
    manageToken: manage.token,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.created_at),
    activityName: activity.name,
    activityColor: activity.color,
    staffName: staff.name,
    staffColor: staff.color,
  };
}
