import { sql } from "drizzle-orm";
import { appointments, type Payment, type PaymentStatus, payments } from "@/db/schema";
import { fromMinorUnits } from "@/lib/i18n/money";

/** An appointment's payment, as every view of the appointment shows it. */
export interface PaymentSummary {
  id: string;
  rule: Payment["rule"];
  status: PaymentStatus;
  amountMinor: number;
  refundedMinor: number;
  refundDueMinor: number;
  currency: string;
  checkoutUrl: string | null;
  expiresAt: string;
  paidAt: string | null;
}

/** The appointment's payment (null: none asked), to select beside an appointment. */
export const paymentOfAppointment = sql<PaymentSummary | null>`(select jsonb_build_object(
    'id', p.id, 'rule', p.rule, 'status', p.status, 'amountMinor', p.amount_minor,
    'refundedMinor', p.refunded_minor, 'refundDueMinor', p.refund_due_minor,
    'currency', p.currency, 'checkoutUrl', p.checkout_url, 'expiresAt', p.expires_at,
    'paidAt', p.paid_at)
  from ${payments} p
  where p.tenant_id = ${appointments.tenantId} and p.appointment_id = ${appointments.id})`;

/** The API's additive `payment` object: amounts as numbers of the currency, like `price`. */
export function toPaymentJson(payment: PaymentSummary | null) {
  if (!payment) return null;
  const { currency } = payment;
  return {
    status: payment.status,
    amount: fromMinorUnits(payment.amountMinor, currency),
    refunded: fromMinorUnits(payment.refundedMinor, currency),
    currency,
    // Where the customer pays, while the booking waits for it.
    checkoutUrl: payment.status === "pending" ? payment.checkoutUrl : null,
    expiresAt: new Date(payment.expiresAt).toISOString(),
    paidAt: payment.paidAt ? new Date(payment.paidAt).toISOString() : null,
  };
}
