import type { AppointmentStatus, Tenant } from "@/db/schema";
import { HOUR_MS } from "@/lib/scheduling/durations";
import { holdsTime } from "./status";

/** Why a customer may not change their booking themselves. */
type PolicyRefusal = "inactive" | "too_late" | "class_seat";

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
  const deadline = new Date(startsAt.getTime() - noticeHours * HOUR_MS);
  if (!holdsTime(status)) {
    return { allowed: false, reason: "inactive", deadline };
  }
  if (now.getTime() > deadline.getTime()) return { allowed: false, reason: "too_late", deadline };
  return { allowed: true, deadline };
}

/**
 * What the business lets its customers do with a booking at `now`, while it holds: move it up to
 * the reschedule notice before its start, and cancel it up to the cancellation notice before the
 * earliest start it ever had. Otherwise a booking already inside its cancellation window could be
 * moved to next week (the shorter move notice allows it) and then cancelled for free.
 */
export function customerPolicy(
  appointment: {
    status: AppointmentStatus;
    startsAt: Date;
    policyStartsAt?: Date | null;
    classSessionId?: string | null;
  },
  tenant: Policy,
  now: Date,
): CustomerPolicy {
  const { status, startsAt, policyStartsAt } = appointment;
  const earliestStart = policyStartsAt && policyStartsAt < startsAt ? policyStartsAt : startsAt;
  const reschedule = verdict(status, startsAt, tenant.rescheduleNoticeHours, now);
  return {
    cancel: verdict(status, earliestStart, tenant.cancellationNoticeHours, now),
    // A place in a class is not moved: another session is another booking.
    reschedule:
      reschedule.allowed && appointment.classSessionId
        ? { allowed: false, reason: "class_seat", deadline: reschedule.deadline }
        : reschedule,
  };
}
