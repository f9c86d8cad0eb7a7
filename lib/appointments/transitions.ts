import type { AppointmentStatus } from "@/db/schema";

// Outcomes (completed, no-show) can only be recorded once the appointment has started, and may be
// corrected into each other; nothing leaves "cancelled".
const allowed: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  pending: ["confirmed", "cancelled", "completed", "no_show"],
  confirmed: ["cancelled", "completed", "no_show"],
  completed: ["no_show"],
  no_show: ["completed"],
  cancelled: [],
};

const needsStarted: readonly AppointmentStatus[] = ["completed", "no_show"];

/** Whether an appointment starting at `startsAt` may go from `from` to `to` at `now`. */
export function canTransition(
  from: AppointmentStatus,
  to: AppointmentStatus,
  startsAt: Date,
  now: Date,
): boolean {
  if (from === to) return true;
  if (!allowed[from].includes(to)) return false;
  return !needsStarted.includes(to) || startsAt.getTime() <= now.getTime();
}
