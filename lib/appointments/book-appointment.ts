import { and, eq, isNull, sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import {
  type Activity,
  activities,
  appointments,
  auditLog,
  type Tenant,
  tenants,
} from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { openingHoursColumns, toOpeningHours } from "@/lib/availability/availability";
import { toInstant } from "@/lib/availability/date-time";
import { boundedCache } from "@/lib/cache/bounded-cache";
import { AppError, type ErrorDetails } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/errors/to-app-error";
import { metrics } from "@/lib/metrics";
import type { OpeningHours } from "@/lib/scheduling/opening-windows";
import type { AppointmentRow } from "./appointments";
import { slotsFrom } from "./find-slots";
import { newManageToken } from "./manage-token";
import type { BookingInput, ClientInfo } from "./schema";
import { timeLocks, withDeadlockRetry } from "./time-locks";

const MINUTE = 60_000;

/** A new booking, with the token of its private manage link (only a hash of it is stored). */
export type BookedAppointment = AppointmentRow & { manageToken: string };

/**
 * The times of an appointment of this activity starting at `start`: its own end, and the range it
 * holds, widened by the activity's buffers (what the no-overlap constraint compares).
 */
export function appointmentTimes(activity: Activity, start: number) {
  const end = start + activity.durationMinutes * MINUTE;
  return {
    end,
    blockedFrom: start - activity.bufferBeforeMinutes * MINUTE,
    blockedUntil: end + activity.bufferAfterMinutes * MINUTE,
  };
}

export const customerActor: Actor = { type: "customer", label: "public booking" };

/** The fields this activity requires that the customer left empty, as `details`. */
export function missingRequiredFields(
  activity: Activity,
  client: Pick<ClientInfo, "phone" | "address" | "customFieldValue">,
): ErrorDetails | null {
  const details: ErrorDetails = {};
  if (activity.requirePhone && !client.phone) details["clientInfo.phone"] = "is required";
  if (activity.requireAddress && !client.address) details["clientInfo.address"] = "is required";
  if (activity.requireCustomField && !client.customFieldValue) {
    details["clientInfo.customFieldValue"] =
      `is required (${activity.customFieldLabel ?? "custom field"})`;
  }
  return Object.keys(details).length ? details : null;
}

type ActivityWithHours = { activity: Activity; hours: OpeningHours };

// Bookings come often, changes to activities and hours seldom: what a booking reads of them is
// kept per app instance under the business's catalog version, which every change to them (and to
// the business's settings) bumps in its transaction, but bookings do not; each request reads it
// afresh with the tenant row, so a change through any instance is seen by all. Deleting an
// activity is a change too, and the booking statement checks again that the activity is live.
// An entry is an activity and a week of hours: a few KB, counted as 8 (a pending read has no size yet).
const catalogCache = boundedCache<Promise<ActivityWithHours>>(0.25, () => 8 * 1024);

/** A live activity and the business's opening hours, in one round trip or none. */
export function loadActivityWithHours(
  db: Database,
  tenant: Tenant,
  activityId: string,
): Promise<ActivityWithHours> {
  const key = [tenant.id, tenant.catalogVersion, tenant.timeZone, activityId].join("|");
  let entry = catalogCache.get(key);
  if (!entry) {
    entry = readActivityWithHours(db, tenant, activityId);
    // A missing activity or a failed read is asked again next time.
    entry.catch(() => catalogCache.delete(key));
    catalogCache.set(key, entry);
  }
  return entry;
}

async function readActivityWithHours(
  db: Database,
  tenant: Tenant,
  activityId: string,
): Promise<ActivityWithHours> {
  const [found] = await db
    .select({ activity: activities, ...openingHoursColumns(tenant.id) })
    .from(activities)
    .where(
      and(
        eq(activities.tenantId, tenant.id),
        eq(activities.id, activityId),
        isNull(activities.deletedAt),
      ),
    );
  if (!found) throw new AppError("NOT_FOUND", { activityId: "no such activity" });
  return { activity: found.activity, hours: toOpeningHours(tenant, found) };
}

/**
 * Whether the slots offer this start, busy time aside: on the grid, inside the opening hours, on
 * an open day, after the notice and before the horizon. Busy time is the exclusion constraint's.
 */
export function isOfferedStart(
  hours: OpeningHours,
  activity: Activity,
  tenant: Tenant,
  start: number,
  now: Date,
): boolean {
  const slots = slotsFrom(hours, [], activity, tenant, { from: start, to: start + 1 }, now);
  return slots.some((s) => s.start === start && s.available);
}

/** How the business itself books (a walk-in or a phone call): confirmed, and maybe outside its hours. */
export interface BookingOptions {
  status?: "pending" | "confirmed";
  /** Skip the slot check (grid, hours, closed days, notice, horizon); overlaps are still refused. */
  anyTime?: boolean;
}

/**
 * Books an appointment (pending unless told otherwise) at a start time that the slots would offer
 * as available right now.
 *
 * The slot engine checks everything but busy time (the grid, the opening hours, closed days,
 * notice, horizon); busy time is exactly what the no-overlap exclusion constraint enforces, on the
 * same buffered ranges, so the insert itself settles it: of two bookings of overlapping times, one
 * gets SLOT_UNAVAILABLE, however many app instances there are.
 */
export async function bookAppointment(
  db: Database,
  tenant: Tenant,
  input: BookingInput,
  now: Date,
  actor: Actor = customerActor,
  options: BookingOptions = {},
): Promise<BookedAppointment> {
  try {
    const booked = await book(db, tenant, input, now, actor, options);
    metrics().bookings.inc({ outcome: "created" });
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
): Promise<BookedAppointment> {
  const { activity, hours } = await loadActivityWithHours(db, tenant, input.activityId);
  // A service hidden from online booking is one customers cannot see, so cannot book.
  if (actor.type === "customer" && !activity.onlineBooking) {
    throw new AppError("NOT_FOUND", { activityId: "no such activity" });
  }
  const missing = missingRequiredFields(activity, input.clientInfo);
  if (missing) throw new AppError("VALIDATION_ERROR", missing);

  const start = toInstant(input.dateTime, tenant.timeZone);
  if (!options.anyTime && !isOfferedStart(hours, activity, tenant, start, now)) {
    throw new AppError("SLOT_UNAVAILABLE");
  }
  const status = options.status ?? "pending";
  return withDeadlockRetry(() => insertBooking(db, tenant, activity, input, start, status, actor));
}

/**
 * One statement, so one transaction and one round trip:
 * - the time locks of the buffered range (see timeLocks);
 * - a share lock on the activity, still live, so that deleting it waits for the booking;
 * - the insert, the schedule version bump and the audit entry (without the customer's details).
 */
async function insertBooking(
  db: Database,
  tenant: Tenant,
  activity: Activity,
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
          ${timeLocks(tenant.id, blockedFrom, blockedUntil)}
        ), live_activity as (
          select a.id from ${activities} a, locks
          where a.tenant_id = ${tenant.id} and a.id = ${activity.id} and a.deleted_at is null
            and locks.n >= 0
          for share of a
        ), inserted as (
          insert into ${appointments} (tenant_id, activity_id, starts_at, ends_at, blocked_from,
            blocked_until, status, client_name, client_email, client_phone, client_address,
            client_custom_field_value, manage_token_hash)
          select ${tenant.id}, id, ${iso(start)}::timestamptz, ${iso(end)}::timestamptz,
            ${iso(blockedFrom)}::timestamptz, ${iso(blockedUntil)}::timestamptz, ${status}::appointment_status,
            ${c.name}, ${c.email}, ${c.phone}, ${c.address}, ${c.customFieldValue}, ${manage.hash}
          from live_activity
          returning id, tenant_id, activity_id, starts_at, status, created_at
        ), bumped as (
          update ${tenants} set schedule_version = schedule_version + 1
          where id = ${tenant.id} and exists (select 1 from inserted)
        ), audited as (
          insert into ${auditLog} (tenant_id, actor_type, actor_id, actor_label, action,
            entity_type, entity_id, after)
          select tenant_id, ${actor.type}, ${actor.id ?? null}::uuid, ${actor.label ?? null},
            'appointment.create', 'appointment', id::text,
            jsonb_build_object('activityId', activity_id, 'startsAt', starts_at, 'status', status)
          from inserted
        )
        select id, created_at from inserted`,
  );
  // No row: the activity was deleted since it was read.
  if (!row) throw new AppError("NOT_FOUND", { activityId: "no such activity" });
  return {
    tenantId: tenant.id,
    id: row.id,
    activityId: activity.id,
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
  };
}

/** Whether the slots offer this start of this activity now, busy time aside (see isOfferedStart). */
export async function isBookableStart(
  db: Database,
  tenant: Tenant,
  activityId: string,
  start: number,
  now: Date,
): Promise<boolean> {
  const { activity, hours } = await loadActivityWithHours(db, tenant, activityId);
  return isOfferedStart(hours, activity, tenant, start, now);
}
