import { and, eq, notInArray, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { type Database, queryRows } from "@/db/client";
import {
  appointments,
  type Payment,
  type PaymentStatus,
  paymentEvents,
  payments,
} from "@/db/schema";
import { getAppointment, holdsTime } from "@/lib/appointments";
import { type Actor, recordScheduleChange } from "@/lib/audit";
import { orUndefinedIfNotFound } from "@/lib/errors/app-error";
import { RetrySchedule } from "@/lib/jobs/retry-schedule";
import { describeError, logger } from "@/lib/logger";
import { type OwedMessage, releasedOnPayment, writeOwed } from "@/lib/outbox";
import { MINUTE_MS } from "@/lib/scheduling/durations";
import { recordAppointmentEvents, statusEvents } from "@/lib/webhooks";
import { makeDueRefunds } from "./make-refunds";
import { onAccount, type StripeConfig, stripeClient } from "./stripe";

const paymentActor: Actor = { type: "system", label: "payment" };
/** An event is tried at each pass (each minute) until its tenth failure, then left for a person (its error is kept). */
const EVENT_RETRIES = new RetrySchedule(Array.from({ length: 9 }, () => MINUTE_MS));

export interface SettleOptions {
  now: Date;
  stripe: StripeConfig | null;
}

/**
 * One pass of the payments worker: the webhook events received, then the refunds decided, then the
 * holds whose time ran out (even if Stripe's expiry event never comes). Each step claims its rows
 * with SKIP LOCKED, so that instances running it at once never act twice on one.
 */
export async function settlePayments(db: Database, options: SettleOptions): Promise<void> {
  // An event that fails waits for the next pass; the others go on.
  const failed = new Set<string>();
  while (await processNextEvent(db, options.now, failed)) {}
  if (!options.stripe) return;
  await makeDueRefunds(db, options.stripe, options.now);
  await sweepExpiredHolds(db, options.stripe, options.now);
}

/** Keeps a webhook event once, by Stripe's event id; false when it had been received already. */
export async function recordEvent(db: Database, event: Stripe.Event): Promise<boolean> {
  const inserted = await db
    .insert(paymentEvents)
    .values({ id: event.id, type: event.type, account: event.account ?? null, payload: event })
    .onConflictDoNothing()
    .returning({ id: paymentEvents.id });
  return inserted.length > 0;
}

async function processNextEvent(db: Database, now: Date, failed: Set<string>): Promise<boolean> {
  let claimed: { id: string } | undefined;
  try {
    await db.transaction(async (tx) => {
      const [event] = await tx
        .select()
        .from(paymentEvents)
        .where(
          and(
            sql`${paymentEvents.processedAt} is null and ${paymentEvents.attempts} < ${EVENT_RETRIES.maxAttempts}`,
            failed.size ? notInArray(paymentEvents.id, [...failed]) : undefined,
          ),
        )
        .orderBy(paymentEvents.receivedAt)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!event) return;
      claimed = event;
      await applyEvent(tx, event.payload as Stripe.Event, now);
      await tx
        .update(paymentEvents)
        .set({ processedAt: now, attempts: sql`${paymentEvents.attempts} + 1`, lastError: null })
        .where(eq(paymentEvents.id, event.id));
    });
  } catch (error) {
    if (!claimed) throw error;
    logger.warn("payment event not processed", { eventId: claimed.id });
    await db
      .update(paymentEvents)
      .set({
        attempts: sql`${paymentEvents.attempts} + 1`,
        lastError: describeError(error).split("\n")[0]?.slice(0, 500) ?? null,
      })
      .where(eq(paymentEvents.id, claimed.id));
    failed.add(claimed.id);
    return true;
  }
  return claimed !== undefined;
}

/** What a Checkout event means for its payment; events of other kinds are kept and ignored. */
async function applyEvent(tx: Database, event: Stripe.Event, now: Date): Promise<OwedMessage[]> {
  if (!event.type.startsWith("checkout.session.")) return [];
  const session = event.data.object as Stripe.Checkout.Session;
  const [payment] = await tx
    .select()
    .from(payments)
    .where(eq(payments.checkoutSessionId, session.id))
    .for("update");
  // Not one of ours, or sent for another account than the one it was made on: nothing to do.
  if (!payment || (payment.stripeAccountId ?? null) !== (event.account ?? null)) return [];
  switch (event.type) {
    case "checkout.session.completed":
      return session.payment_status === "paid" ? markPaid(tx, payment, session, now) : [];
    case "checkout.session.async_payment_succeeded":
      return markPaid(tx, payment, session, now);
    case "checkout.session.expired":
      await release(tx, payment, "expired", now);
      return [];
    case "checkout.session.async_payment_failed":
      await release(tx, payment, "failed", now);
      return [];
    default:
      return [];
  }
}

const intentOf = (session: Stripe.Checkout.Session) =>
  typeof session.payment_intent === "string"
    ? session.payment_intent
    : (session.payment_intent?.id ?? null);

/**
 * Records a payment once (a second report of it changes nothing). Paid while its booking still
 * holds its time, the booking is confirmed and the messages it held go out; paid after the hold was
 * released (the slot may be someone else's now), it is refunded in full.
 */
async function markPaid(
  tx: Database,
  payment: Payment,
  session: Stripe.Checkout.Session,
  now: Date,
): Promise<OwedMessage[]> {
  if (payment.paidAt) return [];
  const paid = { paidAt: now, paymentIntentId: intentOf(session), updatedAt: now };
  const where = and(eq(payments.tenantId, payment.tenantId), eq(payments.id, payment.id));
  const appointment =
    payment.status === "pending"
      ? await orUndefinedIfNotFound(
          getAppointment(tx, payment.tenantId, payment.appointmentId, { forUpdate: true }),
        )
      : undefined;
  // Paid after its hold was released: the slot may be someone else's now, so it is refunded.
  const late = !appointment || !holdsTime(appointment.status);
  await tx
    .update(payments)
    .set(
      late
        ? { ...paid, status: "paid", refundDueMinor: payment.amountMinor, refundReason: "late" }
        : { ...paid, status: "paid" },
    )
    .where(where);
  // Confirmed by the business meanwhile, it has told the customer already.
  const confirms = !late && appointment.status === "pending";
  if (confirms) {
    await tx
      .update(appointments)
      .set({ status: "confirmed", updatedAt: now })
      .where(and(eq(appointments.tenantId, payment.tenantId), eq(appointments.id, appointment.id)));
    await recordScheduleChange(tx, payment.tenantId, paymentActor, {
      action: "appointment.status",
      entityType: "appointment",
      entityId: appointment.id,
      before: { status: "pending" },
      after: { status: "confirmed", paid: payment.amountMinor },
    });
  }
  await recordAppointmentEvents(
    tx,
    payment.tenantId,
    payment.appointmentId,
    confirms ? [...statusEvents("confirmed"), "payment.completed"] : ["payment.completed"],
    now,
  );
  if (!confirms) return [];
  const held = releasedOnPayment(payment.owedOnPayment as OwedMessage[], now);
  return writeOwed(tx, payment.tenantId, appointment.id, held);
}

/** Ends an unpaid hold: the payment expired (or failed), and its booking no longer holds time. */
async function release(
  tx: Database,
  payment: Payment,
  status: Extract<PaymentStatus, "expired" | "failed">,
  now: Date,
): Promise<void> {
  if (payment.status !== "pending") return;
  await tx
    .update(payments)
    .set({ status, updatedAt: now })
    .where(and(eq(payments.tenantId, payment.tenantId), eq(payments.id, payment.id)));
  const [cancelled] = await tx
    .update(appointments)
    .set({ status: "cancelled", updatedAt: now })
    .where(
      and(
        eq(appointments.tenantId, payment.tenantId),
        eq(appointments.id, payment.appointmentId),
        eq(appointments.status, "pending"),
      ),
    )
    .returning({ id: appointments.id });
  if (cancelled) {
    await recordScheduleChange(tx, payment.tenantId, paymentActor, {
      action: "appointment.status",
      entityType: "appointment",
      entityId: cancelled.id,
      before: { status: "pending" },
      after: { status: "cancelled", payment: status },
    });
    await recordAppointmentEvents(
      tx,
      payment.tenantId,
      cancelled.id,
      statusEvents("cancelled"),
      now,
    );
  }
}

/** Releases the hold of a booking's payment at once (its checkout could not be opened). */
export async function releaseHold(
  db: Database,
  tenantId: string,
  appointmentId: string,
  status: Extract<PaymentStatus, "expired" | "failed">,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [payment] = await lockPaymentOf(tx, tenantId, appointmentId);
    if (payment) await release(tx, payment, status, now);
  });
}

/** An appointment's payment, locked for the caller's transaction. */
export const lockPaymentOf = (tx: Database, tenantId: string, appointmentId: string) =>
  tx
    .select()
    .from(payments)
    .where(and(eq(payments.tenantId, tenantId), eq(payments.appointmentId, appointmentId)))
    .for("update");

/**
 * Holds past their time: Stripe is asked how the session stands. Paid meanwhile (its event still
 * on its way), it is recorded as paid, as the event will say; otherwise the session is expired
 * first, so that nobody can pay a released booking, then the hold released.
 */
async function sweepExpiredHolds(db: Database, config: StripeConfig, now: Date): Promise<void> {
  const due = await queryRows<{ tenant_id: string; id: string }>(
    db,
    sql`select tenant_id, id from ${payments}
        where status = 'pending' and expires_at <= ${now.toISOString()}::timestamptz
        order by expires_at limit 50`,
  );
  const stripe = stripeClient(config);
  for (const { tenant_id, id } of due) {
    try {
      await db.transaction(async (tx): Promise<OwedMessage[]> => {
        const [payment] = await tx
          .select()
          .from(payments)
          .where(and(eq(payments.tenantId, tenant_id), eq(payments.id, id)))
          .for("update", { skipLocked: true });
        if (payment?.status !== "pending") return [];
        if (!payment.checkoutSessionId) {
          await release(tx, payment, "expired", now);
          return [];
        }
        const account = onAccount(payment.stripeAccountId);
        let session = await stripe.checkout.sessions.retrieve(
          payment.checkoutSessionId,
          {},
          account,
        );
        if (session.status === "open") {
          session = await stripe.checkout.sessions.expire(payment.checkoutSessionId, {}, account);
        }
        if (session.status === "complete" && session.payment_status === "paid") {
          return markPaid(tx, payment, session, now);
        }
        await release(tx, payment, "expired", now);
        return [];
      });
    } catch (error) {
      logger.warn("expired hold not released yet", {
        paymentId: id,
        reason: describeError(error).split("\n")[0],
      });
    }
  }
}
