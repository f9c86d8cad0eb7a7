import type { AppointmentRow } from "@/lib/appointments/appointments";

/** The contract's appointment object. */
export function toAppointmentJson(row: AppointmentRow) {
  return {
    id: row.id,
    activityId: row.activityId,
    activityName: row.activityName,
    activityDurationMinutes: Math.round((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000),
    activityColor: row.activityColor,
    // Additive: who performs it.
    staff: { id: row.staffId, name: row.staffName },
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
