import type { AppointmentRow } from "@/lib/appointments/appointments";
import { toPaymentJson } from "@/lib/appointments/payment-summary";

/** The contract's appointment object. */
export function toAppointmentJson(row: AppointmentRow) {
  return {
    id: row.id,
    activityId: row.activityId,
    activityName: row.activityName,
    activityDurationMinutes: Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000),
    activityColor: row.activityColor,
    // Additive: who performs it, where, with what, and a class's seat and a video room.
    staff: { id: row.staffId, name: row.staffName },
    location: { id: row.locationId, name: row.locationName },
    resource: row.resourceId ? { id: row.resourceId, name: row.resourceName } : null,
    classSessionId: row.classSessionId,
    seat: row.seat,
    meetingUrl: row.meetingUrl,
    // Additive (as Zapini's reminder_minutes): its own reminder lead, null for its service's.
    reminderMinutes: row.reminderMinutes,
    // Additive: who booked, as a customer of the business (null: a walk-in without an address).
    customerId: row.customerId,
    // Additive: what the customer pays online, and where the payment stands.
    payment: toPaymentJson(row.payment),
    dateTime: row.startsAt.toISOString(),
    status: row.status,
    clientInfo: {
      name: row.clientName,
      email: row.clientEmail,
      phone: row.clientPhone,
      address: row.clientAddress,
      customFieldValue: row.clientCustomFieldValue,
    },
    createdAt: row.createdAt.toISOString(),
  };
}
