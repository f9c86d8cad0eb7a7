import type { AppointmentStatus, Tenant } from "@/db/schema";

const HOUR = 3_600_000;

/** Why a customer may not change their booking themselves. */
type PolicyRefusal = "inactive" | "too_late";

export type PolicyVerdict =
  | { allowed: true; deadline: Date }
  | { allowed: false; reason: PolicyRefusal; deadline: Date };

export interface CustomerPolicy {
  cancel: PolicyVerdict;
  reschedule: PolicyVerdict;
}

type Policy = Pick<Tenant, "cancellationNoticeHours" | "rescheduleNoticeHours">;

function verdict(
  status: AppointmentStatus,
  startsAt: Date,
  noticeHours: number,
  now: Date,
): PolicyVerdict {
  const deadline = new Date(startsAt.getTime() - noticeHours * HOUR);
  if (status !== "pending" && status !== "confirmed") {
    return { allowed: false, reason: "inactive", deadline };
  }
  if (now.getTime() > deadline.getTime()) return { allowed: false, reason: "too_late", deadline };
  return { allowed: true, deadline };
}

/**
 * What the business lets its customers do with a booking at `now`: cancel up to its cancellation
 * notice before the start, move it up to its reschedule notice before the start, while it holds.
 */
export function customerPolicy(
  appointment: { status: AppointmentStatus; startsAt: Date },
  tenant: Policy,
  now: Date,
): CustomerPolicy {
  const { status, startsAt } = appointment;
  return {
    cancel: verdict(status, startsAt, tenant.cancellationNoticeHours, now),
    reschedule: verdict(status, startsAt, tenant.rescheduleNoticeHours, now),
  };
}
