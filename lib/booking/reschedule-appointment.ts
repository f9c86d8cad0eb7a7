import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { appointments, type Tenant } from "@/db/schema";
import { type AppointmentRow, getAppointment, holdsTime } from "@/lib/appointments";
import { type Actor, recordScheduleChange } from "@/lib/audit";
import { AppError } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/errors/to-app-error";
import {
  appointmentTimes,
  type BookingContext,
  chosenStaff,
  loadBookingContext,
  offerOutsideHours,
  offersAt,
  type ResourceSchedule,
  type StaffSchedule,
} from "@/lib/offer";
import { type OwedMessage, recordOwed, reminderLead } from "@/lib/outbox";
import { recordAppointmentEvents } from "@/lib/webhooks";
import type { OutsideHours } from "./booking-result";
import { timeLocks, withDeadlockRetry } from "./time-locks";

/**
 * Only appointments that hold their time can move, and not a class's seats (another session is
 * another booking); checked again once the row is locked.
 */
function assertHolding(appointment: AppointmentRow) {
  if (!holdsTime(appointment.status)) {
    throw new AppError("INVALID_TRANSITION", {
      status: { text: "cannotMove", values: { status: appointment.status } },
    });
  }
  if (appointment.classSessionId) {
    throw new AppError("INVALID_TRANSITION", { status: { text: "seatCannotMove" } });
  }
}

/**
 * Moves a pending or confirmed appointment to a new start, keeping its activity, and its staff
 * member unless `staffId` names another who performs it. The new start must be one the slots
 * offer for that person (busy time aside, which the exclusion constraint settles, the
 * appointment's own old time not counting); see OutsideHours for what happens otherwise.
 */
export async function rescheduleAppointment(
  db: Database,
  tenant: Tenant,
  id: string,
  start: number,
  now: Date,
  actor: Actor,
  options?: { outsideHours?: "refuse" | "allow"; staffId?: string },
): Promise<AppointmentRow>;
export async function rescheduleAppointment(
  db: Database,
  tenant: Tenant,
  id: string,
  start: number,
  now: Date,
  actor: Actor,
  options: { outsideHours?: OutsideHours; staffId?: string },
): Promise<AppointmentRow | "outsideHours">;
export async function rescheduleAppointment(
  db: Database,
  tenant: Tenant,
  id: string,
  start: number,
  now: Date,
  actor: Actor,
  options: { outsideHours?: OutsideHours; staffId?: string } = {},
): Promise<AppointmentRow | "outsideHours"> {
  const current = await getAppointment(db, tenant.id, id);
  assertHolding(current);
  const context = await loadBookingContext(db, tenant, current.activityId);
  // The person named, else the one the booking is with; should they no longer perform the
  // service, whoever does and is offered then (as the reschedule page shows anyone's times).
  const candidates = options.staffId
    ? chosenStaff(context, { staffId: options.staffId })
    : context.staff.filter((s) => s.id === current.staffId);
  const people = candidates.length ? candidates : context.staff;
  // It stays in person or on video, as it was booked.
  const mode = current.meetingUrl ? "online" : "in_person";
  let [offer] = offersAt(context, people, tenant, start, now, mode);
  if (!offer) {
    const outsideHours = options.outsideHours ?? "refuse";
    const anyway = offerOutsideHours(context, people, mode);
    if (outsideHours === "ask" && anyway) return "outsideHours";
    if (outsideHours !== "allow" || !anyway) throw new AppError("SLOT_UNAVAILABLE");
    offer = anyway;
  }
  const { staff, resources } = offer;
  // The resource it has if that one is open then, else the others of the kind, in order.
  const rooms = resources
    ? [...resources].sort(
        (a, b) => Number(b.id === current.resourceId) - Number(a.id === current.resourceId),
      )
    : [null];
  for (const room of rooms) {
    try {
      return await withDeadlockRetry(() =>
        move(db, tenant, context, current, start, now, actor, staff, room),
      );
    } catch (error) {
      if (toAppError(error).code !== "SLOT_UNAVAILABLE" || room === rooms.at(-1)) throw error;
    }
  }
  throw new AppError("SLOT_UNAVAILABLE");
}

function move(
  db: Database,
  tenant: Tenant,
  context: BookingContext,
  current: AppointmentRow,
  start: number,
  now: Date,
  actor: Actor,
  staff: StaffSchedule,
  room: ResourceSchedule | null,
): Promise<AppointmentRow & { owed: OwedMessage[] }> {
  const { id } = current;
  const { end, blockedFrom, blockedUntil } = appointmentTimes(context.activity, start);
  return db.transaction(async (tx) => {
    await tx.execute(timeLocks(tenant.id, staff.id, blockedFrom, blockedUntil));
    if (room) await tx.execute(timeLocks(tenant.id, room.id, blockedFrom, blockedUntil));
    const locked = await getAppointment(tx, tenant.id, id, { forUpdate: true });
    assertHolding(locked);
    // The same person, time and room: no move, so nothing to record, tell or remind again.
    if (
      locked.startsAt.getTime() === start &&
      locked.staffId === staff.id &&
      locked.locationId === staff.locationId &&
      locked.resourceId === (room?.id ?? null)
    ) {
      return { owed: [], ...locked };
    }
    const [updated] = await tx
      .update(appointments)
      .set({
        staffId: staff.id,
        locationId: staff.locationId,
        resourceId: room?.id ?? null,
        startsAt: new Date(start),
        endsAt: new Date(end),
        blockedFrom: new Date(blockedFrom),
        blockedUntil: new Date(blockedUntil),
        // A customer's move keeps the earliest start for the cancellation notice (see
        // customerPolicy); a move by the business sets a new time the notice counts from.
        policyStartsAt:
          actor.type === "customer"
            ? sql`least(coalesce(${appointments.policyStartsAt}, ${appointments.startsAt}), ${new Date(start).toISOString()}::timestamptz)`
            : null,
        updatedAt: now,
        sequence: sql`${appointments.sequence} + 1`,
      })
      .where(and(eq(appointments.tenantId, tenant.id), eq(appointments.id, id)))
      .returning();
    if (!updated) throw new AppError("NOT_FOUND");
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "appointment.reschedule",
      entityType: "appointment",
      entityId: id,
      before: { startsAt: locked.startsAt, staffId: locked.staffId, resourceId: locked.resourceId },
      after: {
        startsAt: updated.startsAt,
        staffId: updated.staffId,
        resourceId: updated.resourceId,
      },
    });
    const owed = await recordOwed(tx, tenant.id, id, {
      event: "moved",
      actor,
      customerEmail: updated.clientEmail,
      startsAt: updated.startsAt,
      reminderLead: reminderLead(context.activity, updated.reminderMinutes),
      sequence: updated.sequence,
      staffOnly:
        updated.startsAt.getTime() === locked.startsAt.getTime() && staff.id !== locked.staffId,
      now,
    });
    await recordAppointmentEvents(tx, tenant.id, id, ["appointment.updated"], now);
    const location = context.locations.find((l) => l.id === staff.locationId);
    return {
      owed,
      ...locked,
      ...updated,
      staffName: staff.name,
      staffColor: staff.color,
      locationName: location?.name ?? locked.locationName,
      resourceName: room?.name ?? null,
      meetingUrl: updated.meetingUrl,
    };
  });
}
