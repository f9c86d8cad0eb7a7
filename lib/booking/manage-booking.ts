import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  activities,
  appointments,
  customerSessions,
  holdingStatuses,
  staffMembers,
  type Tenant,
} from "@/db/schema";
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
import { hashManageToken, isManageToken, readAccountManageToken } from "./manage-token";
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
    .where(and(eq(appointments.tenantId, tenant.id), ownedBy(tenant.id, token)));
  if (!row) throw new AppError("NOT_FOUND");
  const { appointment, ...activity } = row;
  return { ...appointment, ...activity };
}

/**
 * Which booking a token opens: the mailed link's (by its hash), or, from the account, the one it
 * names while its session lives and the booking is that session's customer's.
 */
function ownedBy(tenantId: string, token: string) {
  const account = readAccountManageToken(tenantId, token);
  if (!account) return eq(appointments.manageTokenHash, hashManageToken(token));
  return and(
    eq(appointments.id, account.appointmentId),
    sql`${appointments.customerId} = (select ${customerSessions.customerId}
      from ${customerSessions} where ${customerSessions.tenantId} = ${tenantId}
        and ${customerSessions.id} = ${account.sessionId} and ${customerSessions.expiresAt} > now())`,
  );
}

/**
 * The bookings a manage link changes together: the services of its visit still holding time, in
 * order (just itself when it is no visit's).
 */
async function partsOf(db: Database, tenant: Tenant, booking: AppointmentRow) {
  if (!booking.visitId) return [booking];
  const parts = await db
    .select({ id: appointments.id, startsAt: appointments.startsAt, staffId: appointments.staffId })
    .from(appointments)
    .where(
      and(
        eq(appointments.tenantId, tenant.id),
        eq(appointments.visitId, booking.visitId),
        inArray(appointments.status, [...holdingStatuses]),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  return parts.length ? parts : [booking];
}

/**
 * One change to each part, in order and in one transaction (all or none); the answer is that of
 * the link's own booking.
 */
async function changeEach<P extends { id: string }, T>(
  db: Database,
  parts: readonly P[],
  id: string,
  change: (db: Database, part: P) => Promise<T>,
): Promise<T> {
  const run = async (tx: Database) => {
    let mine: T | undefined;
    for (const part of parts) {
      const result = await change(tx, part);
      if (part.id === id) mine = result;
    }
    if (mine === undefined) throw new AppError("NOT_FOUND");
    return mine;
  };
  return parts.length > 1 ? db.transaction(run) : run(db);
}

/** Cancels the booking (the whole visit it is part of), within the cancellation notice. */
export async function cancelByCustomer(
  db: Database,
  tenant: Tenant,
  token: string,
  now: Date,
  reason: string | null = null,
) {
  assertOpenForBooking(tenant);
  const booking = await findByManageToken(db, tenant, token);
  const { cancel } = customerPolicy(booking, tenant, now);
  if (!cancel.allowed) throw new AppError("POLICY_WINDOW_CLOSED", { reason: cancel.reason });
  const parts = await partsOf(db, tenant, booking);
  return changeEach(db, parts, booking.id, (tx, part) =>
    changeAppointmentStatus(tx, tenant, part.id, "cancelled", customerActor, now, reason),
  );
}

/** Moves the booking to another start the slots offer, within the reschedule notice. */
export async function rescheduleByCustomer(
  db: Database,
  tenant: Tenant,
  token: string,
  start: number,
  now: Date,
): Promise<AppointmentRow> {
  assertOpenForBooking(tenant);
  const booking = await findByManageToken(db, tenant, token);
  const { reschedule } = customerPolicy(booking, tenant, now);
  if (!reschedule.allowed) {
    throw new AppError("POLICY_WINDOW_CLOSED", { reason: reschedule.reason });
  }
  // A visit moves as one, each service with its own person, all or none. Moved later, the last
  // one goes first (and earlier, the first), so that none lands on a part not yet moved.
  const parts = await partsOf(db, tenant, booking);
  // The start picked is this link's service's; the others move by as much.
  const shift = start - booking.startsAt.getTime();
  const order = shift > 0 ? parts.toReversed() : parts;
  return changeEach(db, order, booking.id, (tx, part) =>
    rescheduleAppointment(
      tx,
      tenant,
      part.id,
      part.startsAt.getTime() + shift,
      now,
      customerActor,
      // A visit's parts keep their people; a lone booking may go to whoever performs it now.
      booking.visitId ? { staffId: part.staffId } : {},
    ),
  );
}
