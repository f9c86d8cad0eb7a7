import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { appointments, type Tenant } from "@/db/schema";
import { type Actor, recordScheduleChange } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { type AppointmentRow, getAppointment } from "./appointments";
import { appointmentTimes, isOfferedStart, loadActivityWithHours } from "./book-appointment";
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
 * Moves a pending or confirmed appointment to a new start, keeping its activity. The new start
 * must be one the slots offer (busy time aside, which the exclusion constraint settles, the
 * appointment's own old time not counting), unless `anyTime`: the business itself may book
 * outside its hours.
 */
export async function rescheduleAppointment(
  db: Database,
  tenant: Tenant,
  id: string,
  start: number,
  now: Date,
  actor: Actor,
  options: { anyTime?: boolean } = {},
): Promise<AppointmentRow> {
  const current = await getAppointment(db, tenant.id, id);
  assertHolding(current);
  const { activity, hours } = await loadActivityWithHours(db, tenant, current.activityId);
  if (!options.anyTime && !isOfferedStart(hours, activity, tenant, start, now)) {
    throw new AppError("SLOT_UNAVAILABLE");
  }
  const { end, blockedFrom, blockedUntil } = appointmentTimes(activity, start);

  return withDeadlockRetry(() =>
    db.transaction(async (tx) => {
      await tx.execute(timeLocks(tenant.id, blockedFrom, blockedUntil));
      const locked = await getAppointment(tx, tenant.id, id, { forUpdate: true });
      assertHolding(locked);
      const [updated] = await tx
        .update(appointments)
        .set({
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
        before: { startsAt: locked.startsAt },
        after: { startsAt: updated.startsAt },
      });
      return { ...updated, activityName: locked.activityName, activityColor: locked.activityColor };
    }),
  );
}
