"use server";

import { headers } from "next/headers";
import { dashboardAction } from "@/lib/access/action-caller";
import { businessBookingSchema, statusSchema } from "@/lib/appointments/schema";
import { can } from "@/lib/auth/authenticate";
import { dateTimeSchema, toInstant } from "@/lib/availability/date-time";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { changeAppointmentStatus } from "@/lib/booking/change-status";
import { rescheduleAppointment } from "@/lib/booking/reschedule-appointment";
import { appointmentDetails } from "@/lib/calendar/appointment-details";
import { env } from "@/lib/env";
import { refundByOwner } from "@/lib/payments/refunds";
import { manageLinks } from "@/lib/tenants/booking-link";
import { optionalText, uuidSchema } from "@/lib/validation";

// The calendar's actions. Moving or booking outside the hours (or the notice) answers
// "outsideHours" first and does nothing; the owner confirms and the action runs with anyTime.
// Overlaps are refused either way: the exclusion constraint has the last word.

export async function loadAppointmentAction(id: string) {
  return dashboardAction("read", async ({ db, tenant, caller }) => ({
    ...(await appointmentDetails(db, tenant, uuidSchema.parse(id), new Date())),
    // Money goes back only on an owner's or an admin's word.
    canRefund: can(caller.role, "manage"),
  }));
}

export async function setStatusAction(id: string, status: string, reason?: string) {
  return dashboardAction("appointments", async ({ db, tenant, actor }) => {
    await changeAppointmentStatus(
      db,
      tenant,
      uuidSchema.parse(id),
      statusSchema.parse(status),
      actor,
      new Date(),
      optionalText(500).parse(reason),
    );
  });
}

/** The owner's refund of what is left of an appointment's payment. */
export async function refundAction(id: string) {
  return dashboardAction("manage", ({ db, tenant, actor }) =>
    refundByOwner(db, tenant, uuidSchema.parse(id), actor, env().stripe, new Date()),
  );
}

/** Moves an appointment to a new start, and to another staff member when `staffId` says so. */
export async function moveAppointmentAction(
  id: string,
  startsAt: string,
  anyTime: boolean,
  staffId?: string | null,
) {
  return dashboardAction("appointments", async ({ db, tenant, actor }) => {
    const start = toInstant(dateTimeSchema.parse(startsAt), tenant.timeZone);
    const moved = await rescheduleAppointment(
      db,
      tenant,
      uuidSchema.parse(id),
      start,
      new Date(),
      actor,
      {
        outsideHours: anyTime ? "allow" : "ask",
        staffId: uuidSchema.optional().parse(staffId ?? undefined),
      },
    );
    return moved === "outsideHours" ? moved : "done";
  });
}

export async function bookWalkInAction(body: unknown, anyTime: boolean) {
  return dashboardAction("appointments", async ({ db, tenant, actor }) => {
    const input = businessBookingSchema.parse(body);
    const booked = await bookAppointment(db, tenant, input, new Date(), actor, {
      outsideHours: anyTime ? "allow" : "ask",
      status: "confirmed",
      manageLink: manageLinks(await headers(), tenant, env().appRootDomain),
    });
    return booked === "outsideHours" ? booked : "done";
  });
}
