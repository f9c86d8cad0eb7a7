// An appointment's statuses, and the one rule every part of the app asks of them: which ones hold
// their time. The no-overlap exclusion constraint (migration 0003) is written with the same list;
// a test compares the two.
import { holdingStatuses } from "@/db/enums";

export { type AppointmentStatus, appointmentStatuses, holdingStatuses } from "@/db/enums";

export const holdsTime = (status: string): boolean =>
  (holdingStatuses as readonly string[]).includes(status);
