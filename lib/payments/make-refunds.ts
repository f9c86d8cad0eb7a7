import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type Payment, paymentRefunds, payments, type RefundReason } from "@/db/schema";
import { getAppointment } from "@/lib/appointments";
import { orUndefinedIfNotFound } from "@/lib/errors/app-error";
import { logger } from "@/lib/logger";
import { owedOnRefund, writeOwed } from "@/lib/outbox";
import { recordAppointmentEvents } from "@/lib/webhooks";
import { onAccount, type StripeConfig, stripeClient } from "./stripe";

/**
 * Makes the refunds decided (each one's idempotency key names the payment and how much was refunded
 * before, so a retry cannot refund twice), records them, and tells the customer.
 */
export async function makeDueRefunds(
  db: Database,
  config: StripeConfig,
  now: Date,
  only?: { tenantId: string; paymentId: string },
): Promise<void> {
  const due = await db
    .select()
    .from(payments)
    .where(
      and(
        sql`${payments.refundDueMinor} > 0`,
        only ? eq(payments.tenantId, only.tenantId) : undefined,
        only ? eq(payments.id, only.paymentId) : undefined,
      ),
    )
    .limit(50);
  const stripe = stripeClient(config);
  for (const payment of due) {
    if (!payment.paymentIntentId) continue;
    try {
      const refund = await stripe.refunds.create(
        {
          payment_intent: payment.paymentIntentId,
          amount: payment.refundDueMinor,
          metadata: { tenantId: payment.tenantId, appointmentId: payment.appointmentId },
        },
        onAccount(payment.stripeAccountId, `refund-${payment.id}-${payment.refundedMinor}`),
      );
      await recordRefund(db, payment, refund.id, now);
    } catch (error) {
      logger.warn("refund not made yet", {
        paymentId: payment.id,
        reason: (error as { type?: string }).type ?? (error as Error).name,
      });
    }
  }
}

async function recordRefund(db: Database, made: Payment, refundId: string, now: Date) {
  return db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.tenantId, made.tenantId), eq(payments.id, made.id)))
      .for("update");
    const amount = made.refundDueMinor;
    // Another instance recorded this very refund (same key, same Stripe refund) already.
    if (!payment || payment.refundDueMinor < amount) return [];
    const recorded = await tx
      .insert(paymentRefunds)
      .values({
        tenantId: payment.tenantId,
        paymentId: payment.id,
        stripeRefundId: refundId,
        amountMinor: amount,
        reason: payment.refundReason ?? "owner",
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: paymentRefunds.id });
    if (!recorded.length) return [];
    const refunded = payment.refundedMinor + amount;
    await tx
      .update(payments)
      .set({
        refundedMinor: refunded,
        refundDueMinor: payment.refundDueMinor - amount,
        status: refunded >= payment.amountMinor ? "refunded" : "partially_refunded",
        updatedAt: now,
      })
      .where(and(eq(payments.tenantId, payment.tenantId), eq(payments.id, payment.id)));
    await recordAppointmentEvents(
      tx,
      payment.tenantId,
      payment.appointmentId,
      ["payment.refunded"],
      now,
    );
    const appointment = await orUndefinedIfNotFound(
      getAppointment(tx, payment.tenantId, payment.appointmentId),
    );
    if (!appointment) return [];
    return writeOwed(
      tx,
      payment.tenantId,
      appointment.id,
      owedOnRefund(
        appointment.clientEmail,
        appointment.sequence,
        {
          amountMinor: amount,
          currency: payment.currency,
          reason: (payment.refundReason ?? "owner") as RefundReason,
        },
        now,
      ),
    );
  });
}
