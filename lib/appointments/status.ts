// An appointment's statuses, and the one rule every part of the app asks of them: which ones hold
// their time. The no-overlap exclusion constraint (migration 0003) is written with the same list;
// a test compares the two.

export const appointmentStatuses = [
  "pending",
  "confirmed",
  "cancelled",
  "completed",
  "no_show",
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** Statuses whose appointment holds its time: no other holding appointment may overlap it. */
export const holdingStatuses = ["pending", "confirmed"] as const satisfies AppointmentStatus[];

export const holdsTime = (status: string): boolean =>
  (holdingStatuses as readonly string[]).includes(status);
