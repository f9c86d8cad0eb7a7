import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { appointments, type Tenant } from "@/db/schema";
import { type Actor, recordScheduleChange } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { appointmentTimes, chosenStaff, loadBookingContext } from "@/lib/offer/booking-context";
import { staffOffering } from "@/lib/offer/find-slots";
import { type AppointmentRow, getAppointment } from "./appointments";
import type { OutsideHours } from "./book-appointment";
import { holdsTime } from "./status";
import { timeLocks, withDeadlockRetry } from "./time-locks";

/** Only appointments that hold their time can move; checked again once the row is locked. */
function assertHolding(appointment: AppointmentRow) {
  if (!holdsTime(appointment.status)) {
    throw new AppError("INVALID_TRANSITION", {
      status: `a ${appointment.status} appointment cannot move`,
    });
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
    ? chosenStaff(context, options.staffId)
    : context.staff.filter((s) => s.id === current.staffId);
  const people = candidates.length ? candidates : context.staff;
  const [offered] = staffOffering(context, people, tenant, start, now);
  let staff = people.find((s) => s.id === offered);
  if (!staff) {
    const outsideHours = options.outsideHours ?? "refuse";
    if (outsideHours === "ask" && people.length) return "outsideHours";
    if (outsideHours !== "allow" || !people[0]) throw new AppError("SLOT_UNAVAILABLE");
    staff = people[0];
  }
  const chosen = staff;
  const { end, blockedFrom, blockedUntil } = appointmentTimes(context.activity, start);

  return withDeadlockRetry(() =>
    db.transaction(async (tx) => {
      await tx.execute(timeLocks(tenant.id, chosen.id, blockedFrom, blockedUntil));
      const locked = await getAppointment(tx, tenant.id, id, { forUpdate: true });
      assertHolding(locked);
      const [updated] = await tx
        .update(appointments)
        .set({
          staffId: chosen.id,
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
        })
        .where(and(eq(appointments.tenantId, tenant.id), eq(appointments.id, id)))
        .returning();
      if (!updated) throw new AppError("NOT_FOUND");
      await recordScheduleChange(tx, tenant.id, actor, {
        action: "appointment.reschedule",
        entityType: "appointment",
        entityId: id,
        before: { startsAt: locked.startsAt, staffId: locked.staffId },
        after: { startsAt: updated.startsAt, staffId: updated.staffId },
      });
      const { activityName, activityColor } = locked;
      return {
        ...updated,
        activityName,
        activityColor,
        staffName: chosen.name,
        staffColor: chosen.color,
      };
    }),
  );
}
