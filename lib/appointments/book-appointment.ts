import { and, eq, isNull, sql } from "drizzle-orm";
import { type Database, queryRows, sqlStateOf } from "@/db/client";
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
import { AppError, type ErrorDetails } from "@/lib/errors/app-error";
import type { AppointmentRow } from "./appointments";
import { slotsFrom } from "./find-slots";
import type { BookingInput, ClientInfo } from "./schema";

const MINUTE = 60_000;
const MAX_ATTEMPTS = 3;
const LOCK_BUCKET_MS = 15 * MINUTE;

/**
 * The first and last 15-minute buckets of time that the half-open range [from, until) touches:
 * two ranges that overlap always share one, so the bookings holding them take turns.
 */
export function lockBuckets(from: number, until: number): [number, number] {
  return [Math.floor(from / LOCK_BUCKET_MS), Math.floor((until - 1) / LOCK_BUCKET_MS)];
}

export const customerActor: Actor = { type: "customer", label: "public booking" };

/** The fields this activity requires that the customer left empty, as `details`. */
export function missingRequiredFields(activity: Activity, client: ClientInfo): ErrorDetails | null {
  const details: ErrorDetails = {};
  if (activity.requirePhone && !client.phone) details["clientInfo.phone"] = "is required";
  if (activity.requireAddress && !client.address) details["clientInfo.address"] = "is required";
  if (activity.requireCustomField && !client.customFieldValue) {
    details["clientInfo.customFieldValue"] =
      `is required (${activity.customFieldLabel ?? "custom field"})`;
  }
  return Object.keys(details).length ? details : null;
}

/**
 * Books a pending appointment at a start time that the slots would offer as available right now.
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
): Promise<AppointmentRow> {
  // The activity and the opening hours in one round trip.
  const [found] = await db
    .select({ activity: activities, ...openingHoursColumns(tenant.id) })
    .from(activities)
    .where(
      and(
        eq(activities.tenantId, tenant.id),
        eq(activities.id, input.activityId),
        isNull(activities.deletedAt),
      ),
    );
  if (!found) throw new AppError("NOT_FOUND", { activityId: "no such activity" });
  const { activity } = found;
  const hours = toOpeningHours(tenant, found);
  const missing = missingRequiredFields(activity, input.clientInfo);
  if (missing) throw new AppError("VALIDATION_ERROR", missing);

  const start = toInstant(input.dateTime, tenant.timeZone);
  const range = { from: start, to: start + 1 };
  const slots = slotsFrom(hours, [], activity, tenant, range, now);
  if (!slots.some((s) => s.start === start && s.available)) throw new AppError("SLOT_UNAVAILABLE");

  for (let attempt = 1; ; attempt++) {
    try {
      return await insertBooking(db, tenant, activity, input, start, actor);
    } catch (error) {
      // A violated no-overlap constraint (23P01) becomes SLOT_UNAVAILABLE in toAppError, like
      // everywhere else. The bucket locks keep overlapping bookings from waiting on each other in
      // the exclusion check; should PostgreSQL still abort one as a deadlock, a retry answers.
      const state = sqlStateOf(error);
      if (state === "40P01" || state === "40001") {
        if (attempt < MAX_ATTEMPTS) continue;
        throw new AppError("SLOT_UNAVAILABLE");
      }
      throw error;
    }
  }
}

/**
 * One statement, so one transaction and one round trip:
 * - advisory locks on the 15-minute buckets of the business's calendar that the buffered range
 *   touches, in ascending order, so that bookings that could overlap take turns instead of waiting
 *   on each other's rows in the exclusion check (which deadlocks under load);
 * - a share lock on the activity, still live, so that deleting it waits for the booking;
 * - the insert, the schedule version bump and the audit entry (without the customer's details).
 */
async function insertBooking(
  db: Database,
  tenant: Tenant,
  activity: Activity,
  input: BookingInput,
  start: number,
  actor: Actor,
): Promise<AppointmentRow> {
  const end = start + activity.durationMinutes * MINUTE;
  const blockedFrom = start - activity.bufferBeforeMinutes * MINUTE;
  const blockedUntil = end + activity.bufferAfterMinutes * MINUTE;
  const iso = (ms: number) => new Date(ms).toISOString();
  const c = input.clientInfo;
  const [firstBucket, lastBucket] = lockBuckets(blockedFrom, blockedUntil);
  const [row] = await queryRows<{ id: string; created_at: string | Date }>(
    db,
    sql`with locks as (
          select count(pg_advisory_xact_lock(hashtext(${tenant.id}), bucket)) as n
          from generate_series(${firstBucket}::int, ${lastBucket}::int) as bucket
        ), live_activity as (
          select a.id from ${activities} a, locks
          where a.tenant_id = ${tenant.id} and a.id = ${activity.id} and a.deleted_at is null
            and locks.n >= 0
          for share of a
        ), inserted as (
          insert into ${appointments} (tenant_id, activity_id, starts_at, ends_at, blocked_from,
            blocked_until, status, client_name, client_email, client_phone, client_address,
            client_custom_field_value)
          select ${tenant.id}, id, ${iso(start)}::timestamptz, ${iso(end)}::timestamptz,
            ${iso(blockedFrom)}::timestamptz, ${iso(blockedUntil)}::timestamptz, 'pending',
            ${c.name}, ${c.email}, ${c.phone}, ${c.address}, ${c.customFieldValue}
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
    status: "pending",
    clientName: c.name,
    clientEmail: c.email,
    clientPhone: c.phone,
    clientAddress: c.address,
    clientCustomFieldValue: c.customFieldValue,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.created_at),
    activityName: activity.name,
    activityColor: activity.color,
  };
}
