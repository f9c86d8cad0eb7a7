import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type AppointmentStatus, appointments, type Tenant } from "@/db/schema";
import { type AppointmentRow, canTransition, getAppointment } from "@/lib/appointments";
import { type Actor, recordScheduleChange } from "@/lib/audit";
import { AppError } from "@/lib/errors/app-error";
import { type AppointmentEvent, recordOwed } from "@/lib/outbox";
import { settleOnCancellation } from "@/lib/payments";
import { recordAppointmentEvents, statusEvents } from "@/lib/webhooks";

const events: Partial<Record<AppointmentStatus, AppointmentEvent>> = {
  confirmed: "confirmed",
  cancelled: "cancelled",
  completed: "ended",
  no_show: "ended",
};

/**
 * Moves an appointment to a new status; cancelling frees its time at once. The customer (and, if
 * the customer did it, the business) is told, and a reminder still waiting is withdrawn when the
 * appointment will not take place (or took place).
 */
export async function changeAppointmentStatus(
  db: Database,
  tenant: Tenant,
  id: string,
  status: AppointmentStatus,
  actor: Actor,
  now: Date,
  /** Why (a cancellation's reason, as given), for the log and the other side's message. */
  reason: string | null = null,
): Promise<AppointmentRow> {
  const changed = await db.transaction(async (tx) => {
    const current = await getAppointment(tx, tenant.id, id, { forUpdate: true });
    if (!canTransition(current.status, status, current.startsAt, now)) {
      throw new AppError("INVALID_TRANSITION", {
        status: {
          text:
            status === "completed" || status === "no_show" ? "transitionBeforeStart" : "transition",
          values: { from: current.status, to: status },
        },
      });
    }
    if (current.status === status) return { ...current, owed: [] };
    if (status === "cancelled") await settleOnCancellation(tx, tenant, current, actor, now);
    const [updated] = await tx
      .update(appointments)
      .set({ status, updatedAt: now, sequence: sql`${appointments.sequence} + 1` })
      .where(and(eq(appointments.tenantId, tenant.id), eq(appointments.id, id)))
      .returning();
    if (!updated) throw new AppError("NOT_FOUND");
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "appointment.status",
      entityType: "appointment",
      entityId: id,
      before: { status: current.status },
      // The start it had then: the log names that time, not wherever it is moved later.
      after: { status, startsAt: current.startsAt, ...(reason ? { reason } : {}) },
    });
    const event = events[status];
    const owed = event
      ? await recordOwed(tx, tenant.id, id, {
          event,
          actor,
          customerEmail: current.clientEmail,
          startsAt: current.startsAt,
          reminderLead: null,
          sequence: updated.sequence,
          reason,
          now,
        })
      : [];
    await recordAppointmentEvents(tx, tenant.id, id, statusEvents(status), now);
    return { ...current, ...updated, meetingUrl: current.meetingUrl, owed };
  });
  return changed;
}

export async function deleteAppointment(
  db: Database,
  tenant: Tenant,
  id: string,
  actor: Actor,
  now: Date,
) {
  await db.transaction(async (tx) => {
    const current = await getAppointment(tx, tenant.id, id, { forUpdate: true });
    // Taken before it goes: the event carries the appointment as it last was.
    await recordAppointmentEvents(tx, tenant.id, id, ["appointment.deleted"], now, current);
    await tx
      .delete(appointments)
      .where(and(eq(appointments.tenantId, tenant.id), eq(appointments.id, id)));
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "appointment.delete",
      entityType: "appointment",
      entityId: id,
      before: {
        activityId: current.activityId,
        startsAt: current.startsAt,
        status: current.status,
      },
    });
  });
}
