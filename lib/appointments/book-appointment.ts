import { and, eq, isNull, sql } from "drizzle-orm";
import { type Database, sqlStateOf } from "@/db/client";
import { type Activity, activities, appointments, type Tenant } from "@/db/schema";
import { type Actor, recordScheduleChange } from "@/lib/audit/record-audit";
import { loadOpeningHours } from "@/lib/availability/availability";
import { toInstant } from "@/lib/availability/date-time";
import { AppError, type ErrorDetails } from "@/lib/errors/app-error";
import type { AppointmentRow } from "./appointments";
import { busyAround, slotsFrom } from "./find-slots";
import type { BookingInput, ClientInfo } from "./schema";

const MINUTE = 60_000;
const MAX_ATTEMPTS = 3;
const LOCK_BUCKET_MS = 15 * MINUTE;

/**
 * Makes bookings of one business whose held time could overlap take turns from reading the busy
 * time to commit: the slot check then sees every earlier one, and their inserts never wait on each
 * other in the exclusion check (which deadlocks under load). The lock is per business and per
 * 15-minute bucket of time, taken in ascending order: bookings of other times run side by side.
 */
export async function lockScheduleRange(
  tx: Database,
  tenantId: string,
  from: number,
  until: number,
) {
  const first = Math.floor(from / LOCK_BUCKET_MS);
  const last = Math.floor((until - 1) / LOCK_BUCKET_MS);
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${tenantId}), bucket)
        from generate_series(${first}::int, ${last}::int) as bucket`,
  );
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
 * The exclusion constraint settles races: of two bookings of the same time, one gets
 * SLOT_UNAVAILABLE, however many app instances there are.
 */
export async function bookAppointment(
  db: Database,
  tenant: Tenant,
  input: BookingInput,
  now: Date,
  actor: Actor = customerActor,
): Promise<AppointmentRow> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptBooking(db, tenant, input, now, actor);
    } catch (error) {
      const state = sqlStateOf(error);
      if (state === "23P01") throw new AppError("SLOT_UNAVAILABLE");
      // Two in-flight bookings of overlapping times can each wait on the other's row in the
      // exclusion check; PostgreSQL then aborts one. Retried, it sees the winner and answers 409.
      if (state === "40P01" || state === "40001") {
        if (attempt < MAX_ATTEMPTS) continue;
        throw new AppError("SLOT_UNAVAILABLE");
      }
      throw error;
    }
  }
}

async function attemptBooking(
  db: Database,
  tenant: Tenant,
  input: BookingInput,
  now: Date,
  actor: Actor,
): Promise<AppointmentRow> {
  return await db.transaction(async (tx) => {
    // Shares the activity's row lock with other bookings; deleting the activity waits for us.
    const [[activity], hours] = await Promise.all([
      tx
        .select()
        .from(activities)
        .where(
          and(
            eq(activities.tenantId, tenant.id),
            eq(activities.id, input.activityId),
            isNull(activities.deletedAt),
          ),
        )
        .for("share"),
      loadOpeningHours(tx, tenant),
    ]);
    if (!activity) throw new AppError("NOT_FOUND", { activityId: "no such activity" });
    const missing = missingRequiredFields(activity, input.clientInfo);
    if (missing) throw new AppError("VALIDATION_ERROR", missing);

    const start = toInstant(input.dateTime, tenant.timeZone);
    const end = start + activity.durationMinutes * MINUTE;
    const blockedFrom = start - activity.bufferBeforeMinutes * MINUTE;
    const blockedUntil = end + activity.bufferAfterMinutes * MINUTE;
    await lockScheduleRange(tx, tenant.id, blockedFrom, blockedUntil);
    const range = { from: start, to: start + 1 };
    const slots = slotsFrom(
      hours,
      await busyAround(tx, tenant, range),
      activity,
      tenant,
      range,
      now,
    );
    if (!slots.some((s) => s.start === start && s.available)) {
      throw new AppError("SLOT_UNAVAILABLE");
    }

    const { clientInfo: c } = input;
    const [appointment] = await tx
      .insert(appointments)
      .values({
        tenantId: tenant.id,
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
      })
      .returning();
    if (!appointment) throw new Error("insert returned no row");
    // The audit trail names the booking, not the customer's personal details.
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "appointment.create",
      entityType: "appointment",
      entityId: appointment.id,
      after: {
        activityId: activity.id,
        startsAt: appointment.startsAt,
        status: appointment.status,
      },
    });
    return { ...appointment, activityName: activity.name, activityColor: activity.color };
  });
}
