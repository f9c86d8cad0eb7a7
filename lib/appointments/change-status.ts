import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type AppointmentStatus, appointments, type Tenant } from "@/db/schema";
import { type Actor, recordScheduleChange } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { type AppointmentRow, getAppointment } from "./appointments";
import { canTransition } from "./transitions";

/** Moves an appointment to a new status; cancelling frees its time at once. */
export async function changeAppointmentStatus(
  db: Database,
  tenant: Tenant,
  id: string,
  status: AppointmentStatus,
  actor: Actor,
  now: Date,
): Promise<AppointmentRow> {
  return db.transaction(async (tx) => {
    const current = await getAppointment(tx, tenant.id, id, { forUpdate: true });
    if (!canTransition(current.status, status, current.startsAt, now)) {
      throw new AppError("INVALID_TRANSITION", {
        status: `cannot go from ${current.status} to ${status}${
          status === "completed" || status === "no_show" ? " before the appointment starts" : ""
        }`,
      });
    }
    if (current.status === status) return current;
    const [updated] = await tx
      .update(appointments)
      .set({ status, updatedAt: now })
      .where(and(eq(appointments.tenantId, tenant.id), eq(appointments.id, id)))
      .returning();
    if (!updated) throw new AppError("NOT_FOUND");
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "appointment.status",
      entityType: "appointment",
      entityId: id,
      before: { status: current.status },
      after: { status },
    });
    return { ...current, ...updated, meetingUrl: current.meetingUrl };
  });
}

export async function deleteAppointment(db: Database, tenant: Tenant, id: string, actor: Actor) {
  await db.transaction(async (tx) => {
    const current = await getAppointment(tx, tenant.id, id, { forUpdate: true });
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
