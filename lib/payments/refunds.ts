import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { payments, type Tenant } from "@/db/schema";
import type { AppointmentRow } from "@/lib/appointments";
import { customerPolicy } from "@/lib/appointments";
import { type Actor, recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors/app-error";
import { makeDueRefunds } from "./make-refunds";
import { refundable, refundOnCancel } from "./rule";
import { lockPaymentOf } from "./settle";
import type { StripeConfig } from "./stripe";

/**
 * In a cancellation's transaction, before the status changes: what becomes of the booking's
 * payment. Unpaid, its checkout is ended at once (the sweeper expires it on Stripe); paid, the
 * refund the policy gives is made due. True when the payments worker has something to do.
 */
export async function settleOnCancellation(
  tx: Database,
  tenant: Tenant,
  appointment: AppointmentRow,
  actor: Actor,
  now: Date,
): Promise<boolean> {
  if (!appointment.payment) return false;
  const [payment] = await lockPaymentOf(tx, tenant.id, appointment.id);
  if (!payment) return false;
  const where = and(eq(payments.tenantId, tenant.id), eq(payments.id, payment.id));
  if (payment.status === "pending") {
    await tx.update(payments).set({ expiresAt: now, updatedAt: now }).where(where);
    return true;
  }
  const by = actor.type === "customer" ? "customer" : "business";
  const amount = refundOnCancel(payment, {
    by,
    withinNotice: customerPolicy(appointment, tenant, now).cancel.allowed,
    keepDeposits: tenant.keepDeposits,
  });
  if (amount <= 0) return false;
  await tx
    .update(payments)
    .set({
      refundDueMinor: sql`${payments.refundDueMinor} + ${amount}`,
      refundReason: by === "customer" ? "customer_cancelled" : "business_cancelled",
      updatedAt: now,
    })
    .where(where);
  return true;
}

/** The owner's "refund": all that is left of the payment, made at once (else by the worker). */
export async function refundByOwner(
  db: Database,
  tenant: Tenant,
  appointmentId: string,
  actor: Actor,
  stripe: StripeConfig | null,
  now: Date,
): Promise<void> {
  const paymentId = await db.transaction(async (tx) => {
    const [payment] = await lockPaymentOf(tx, tenant.id, appointmentId);
    if (!payment) throw new AppError("NOT_FOUND");
    const left = refundable(payment);
    if (left <= 0) throw new AppError("NOT_REFUNDABLE");
    await tx
      .update(payments)
      .set({ refundDueMinor: payment.refundDueMinor + left, refundReason: "owner", updatedAt: now })
      .where(and(eq(payments.tenantId, tenant.id), eq(payments.id, payment.id)));
    await recordAudit(tx, tenant.id, actor, {
      action: "payment.refund",
      entityType: "appointment",
      entityId: appointmentId,
      after: { amountMinor: left, currency: payment.currency },
    });
    return payment.id;
  });
  if (stripe) await makeDueRefunds(db, stripe, now, { tenantId: tenant.id, paymentId });
}
