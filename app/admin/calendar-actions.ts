"use server";

import { appointmentDetails } from "@/lib/appointments/appointment-details";
import { getAppointment } from "@/lib/appointments/appointments";
import {
  bookAppointment,
  isBookableStart,
  isOfferedStart,
  loadActivityWithHours,
  missingRequiredFields,
} from "@/lib/appointments/book-appointment";
import { changeAppointmentStatus } from "@/lib/appointments/change-status";
import { rescheduleAppointment } from "@/lib/appointments/reschedule-appointment";
import { businessBookingSchema, statusSchema } from "@/lib/appointments/schema";
import { dashboardAction } from "@/lib/auth/action-caller";
import { dateTimeSchema, toInstant } from "@/lib/availability/date-time";
import { AppError } from "@/lib/errors/app-error";
import { uuidSchema } from "@/lib/validation";

// The calendar's actions. Moving or booking outside the hours (or the notice) answers
// "outsideHours" first and does nothing; the owner confirms and the action runs with anyTime.
// Overlaps are refused either way: the exclusion constraint has the last word.

export async function loadAppointmentAction(id: string) {
  return dashboardAction("read", ({ db, tenant }) =>
    appointmentDetails(db, tenant, uuidSchema.parse(id), new Date()),
  );
}

export async function setStatusAction(id: string, status: string) {
  return dashboardAction("appointments", async ({ db, tenant, actor }) => {
    await changeAppointmentStatus(
      db,
      tenant,
      uuidSchema.parse(id),
      statusSchema.parse(status),
      actor,
      new Date(),
    );
  });
}

export async function moveAppointmentAction(id: string, startsAt: string, anyTime: boolean) {
  return dashboardAction("appointments", async ({ db, tenant, actor }) => {
    const now = new Date();
    const appointmentId = uuidSchema.parse(id);
    const start = toInstant(dateTimeSchema.parse(startsAt), tenant.timeZone);
    if (!anyTime) {
      const { activityId } = await getAppointment(db, tenant.id, appointmentId);
      if (!(await isBookableStart(db, tenant, activityId, start, now))) return "outsideHours";
    }
    await rescheduleAppointment(db, tenant, appointmentId, start, now, actor, { anyTime: true });
    return "done";
  });
}

export async function bookWalkInAction(body: unknown, anyTime: boolean) {
  return dashboardAction("appointments", async ({ db, tenant, actor }) => {
    const now = new Date();
    const input = businessBookingSchema.parse(body);
    const { activity, hours } = await loadActivityWithHours(db, tenant, input.activityId);
    const missing = missingRequiredFields(activity, input.clientInfo);
    if (missing) throw new AppError("VALIDATION_ERROR", missing);
    const start = toInstant(input.dateTime, tenant.timeZone);
    if (!anyTime && !isOfferedStart(hours, activity, tenant, start, now)) return "outsideHours";
    await bookAppointment(db, tenant, input, now, actor, { anyTime: true, status: "confirmed" });
    return "done";
  });
}
