import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { activities, appointments, staffMembers, type Tenant } from "@/db/schema";
import {
  type AppointmentRow,
  appointmentNames,
  customerPolicy,
  joinActivity,
  joinStaff,
} from "@/lib/appointments";
import { customerActor } from "@/lib/audit";
import { AppError } from "@/lib/errors/app-error";
import { assertOpenForBooking } from "@/lib/tenants";
import { changeAppointmentStatus } from "./change-status";
import { hashManageToken, isManageToken } from "./manage-token";
import { rescheduleAppointment } from "./reschedule-appointment";

// What a customer does through their private manage link: the token is their only credential.

/** The booking behind a manage token, with its activity's details; NOT_FOUND for any other. */
export async function findByManageToken(
  db: Database,
  tenant: Tenant,
  token: string,
): Promise<AppointmentRow & { activityPriceMinor: number; activityDescription: string | null }> {
  if (!isManageToken(token)) throw new AppError("NOT_FOUND");
  const [row] = await db
    .select({
      appointment: appointments,
      ...appointmentNames,
      activityPriceMinor: activities.priceMinor,
      activityDescription: activities.description,
    })
    .from(appointments)
    .innerJoin(activities, joinActivity)
    .innerJoin(staffMembers, joinStaff)
    .where(
      and(
        eq(appointments.tenantId, tenant.id),
        eq(appointments.manageTokenHash, hashManageToken(token)),
      ),
    );
  if (!row) throw new AppError("NOT_FOUND");
  const { appointment, ...activity } = row;
  return { ...appointment, ...activity };
}

/** Cancels the booking, within the business's cancellation notice. */
export async function cancelByCustomer(db: Database, tenant: Tenant, token: string, now: Date) {
  assertOpenForBooking(tenant);
  const booking = await findByManageToken(db, tenant, token);
  const { cancel } = customerPolicy(booking, tenant, now);
  if (!cancel.allowed) throw new AppError("POLICY_WINDOW_CLOSED", { reason: cancel.reason });
  return changeAppointmentStatus(db, tenant, booking.id, "cancelled", customerActor, now);
}

/** Moves the booking to another start the slots offer, within the reschedule notice. */
export async function rescheduleByCustomer(
  db: Database,
  tenant: Tenant,
  token: string,
  start: number,
  now: Date,
) {
  assertOpenForBooking(tenant);
  const booking = await findByManageToken(db, tenant, token);
  const { reschedule } = customerPolicy(booking, tenant, now);
  if (!reschedule.allowed) {
    throw new AppError("POLICY_WINDOW_CLOSED", { reason: reschedule.reason });
  }
  return rescheduleAppointment(db, tenant, booking.id, start, now, customerActor);
}
