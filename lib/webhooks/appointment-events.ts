import type { Database } from "@/db/client";
import type { AppointmentStatus } from "@/db/schema";
import { type AppointmentRow, getAppointment, toAppointmentJson } from "@/lib/appointments";
import { orUndefinedIfNotFound } from "@/lib/errors/app-error";
import { recordWebhookEvents } from "@/lib/outbox";
import type { WebhookEventType } from "./event-types";

/** The events of a change of status: a cancellation is also told as such. */
export const statusEvents = (status: AppointmentStatus): WebhookEventType[] =>
  status === "cancelled"
    ? ["appointment.status_changed", "appointment.cancelled"]
    : ["appointment.status_changed"];

/**
 * An appointment event's data: the appointment as the API shows it, or only its id once it is gone
 * (a payment's record outlives its appointment).
 */
export async function appointmentData(
  db: Database,
  tenantId: string,
  appointmentId: string,
  snapshot?: AppointmentRow,
) {
  const appointment =
    snapshot ?? (await orUndefinedIfNotFound(getAppointment(db, tenantId, appointmentId)));
  return { appointment: appointment ? toAppointmentJson(appointment) : { id: appointmentId } };
}

/**
 * Writes events about an appointment in the caller's transaction, with the appointment as it is
 * after the change (or as given: a deletion's, taken before). Returns the deliveries owed.
 */
export function recordAppointmentEvents(
  tx: Database,
  tenantId: string,
  appointmentId: string,
  types: WebhookEventType[],
  now: Date,
  snapshot?: AppointmentRow,
): Promise<number> {
  return recordWebhookEvents(
    tx,
    tenantId,
    appointmentId,
    types,
    () => appointmentData(tx, tenantId, appointmentId, snapshot),
    now,
  );
}
