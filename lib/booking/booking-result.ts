import type { Tenant } from "@/db/schema";
import type { AppointmentRow, BookingInput } from "@/lib/appointments";
import type { Actor } from "@/lib/audit";
import type { OwedMessage } from "@/lib/outbox";
import type { PaymentDue, StripeConfig } from "@/lib/payments";
import type { ConsentTimes } from "./consent";

// What booking asks and answers, shared by the booking of a time, of a class seat and the checkout.

/**
 * A new booking, with the token of its private manage link (only a hash of it is stored) and the
 * messages it owes.
 */
export type BookedAppointment = AppointmentRow & {
  manageToken: string;
  owed: OwedMessage[];
  /** The payment it holds its time for, until its checkout is made. */
  dueOnBooking: PaymentDue | null;
};

/** The messages a new booking owes, once its manage token is known. */
export type OweOnBooking = (manageToken: string) => OwedMessage[];

/** What a new booking writes beside itself: its messages, held by its payment if it owes one. */
export interface AlongBooking {
  owe: OweOnBooking;
  due: PaymentDue | null;
  now: Date;
  consent: ConsentTimes;
  /** The visit it is a part of, booked in the same transaction. */
  visitId?: string;
}

/**
 * What to do with a start the slots do not offer (outside the hours, a closed day, within the
 * notice, off the grid): refuse it (SLOT_UNAVAILABLE, what customers get), ask (answer
 * "outsideHours" and book nothing, so the business can confirm), or allow it (the business's own
 * booking, confirmed). Overlaps are refused whatever this says.
 */
export type OutsideHours = "refuse" | "ask" | "allow";

export interface BookingOptions {
  status?: "pending" | "confirmed";
  outsideHours?: OutsideHours;
  /** The address of a private manage link, for the customer's confirmation message. */
  manageLink?: (token: string) => string;
  /** Stripe's keys, for services paid at booking (none: they cannot be booked online). */
  stripe?: StripeConfig | null;
}

/**
 * The status a new booking starts in: unpaid, it only holds its time (the payment confirms it);
 * else as the business asked, or, for a customer's booking, as the business's setting says.
 */
export function initialStatus(
  tenant: Pick<Tenant, "confirmOnlineBookings">,
  actor: Actor,
  due: unknown,
  options: BookingOptions,
): "pending" | "confirmed" {
  if (due) return "pending";
  if (options.status) return options.status;
  return actor.type === "customer" && tenant.confirmOnlineBookings === "automatic"
    ? "confirmed"
    : "pending";
}

/**
 * What a new booking's result holds beside its own place and time, the same for a time and for a
 * class seat: its customer as given, its manage link, what it owes, and the row's creation.
 */
export function newBookingFields(p: {
  tenantId: string;
  status: "pending" | "confirmed";
  input: BookingInput;
  manage: { token: string; hash: string };
  along: AlongBooking;
  owed: OwedMessage[];
  row: { customer_id: string | null; created_at: string | Date };
}) {
  const c = p.input.clientInfo;
  return {
    tenantId: p.tenantId,
    visitId: p.along.visitId ?? null,
    status: p.status,
    clientName: c.name,
    clientEmail: c.email,
    clientPhone: c.phone,
    clientAddress: c.address,
    clientCustomFieldValue: c.customFieldValue,
    policyStartsAt: null,
    manageTokenHash: p.manage.hash,
    manageToken: p.manage.token,
    // Held by the payment, when one is due, until it is paid.
    owed: p.along.due ? [] : p.owed,
    dueOnBooking: p.along.due,
    payment: null,
    sequence: 0,
    reminderMinutes: p.input.reminderMinutes,
    ...p.along.consent,
    customerId: p.row.customer_id,
    createdAt: new Date(p.row.created_at),
    updatedAt: new Date(p.row.created_at),
  };
}
