import type { Activity, Payment, Tenant } from "@/db/schema";
import type { StripeConfig } from "./stripe";

/** Why a business cannot take payments yet: no Stripe keys, or no account of its own. */
export type PaymentsReadiness = "ready" | "no_keys" | "no_account";

export function paymentsReadiness(
  tenant: Pick<Tenant, "stripeAccountId">,
  stripe: StripeConfig | null,
): PaymentsReadiness {
  if (!stripe) return "no_keys";
  return tenant.stripeAccountId || stripe.direct ? "ready" : "no_account";
}

/** What booking the activity asks to be paid online, in minor units: 0 for nothing. */
export function amountDue(
  activity: Pick<Activity, "paymentRule" | "priceMinor" | "depositMinor" | "depositPercent">,
): number {
  const price = activity.priceMinor;
  if (activity.paymentRule === "full") return price;
  if (activity.paymentRule !== "deposit") return 0;
  if (activity.depositPercent) return Math.round((price * activity.depositPercent) / 100);
  return Math.min(activity.depositMinor ?? 0, price);
}

/** What is left to refund of a payment (neither refunded nor already due to be). */
export const refundable = (
  p: Pick<Payment, "status" | "amountMinor" | "refundedMinor" | "refundDueMinor">,
) =>
  p.status === "paid" || p.status === "partially_refunded"
    ? p.amountMinor - p.refundedMinor - p.refundDueMinor
    : 0;

/**
 * What a cancellation refunds: all that is left when the business cancels; when the customer does,
 * all of it inside the cancellation notice (less a deposit the business keeps), nothing after.
 * A move keeps the payment as it is.
 */
export function refundOnCancel(
  payment: Pick<Payment, "rule" | "status" | "amountMinor" | "refundedMinor" | "refundDueMinor">,
  cancel: { by: "customer" | "business"; withinNotice: boolean; keepDeposits: boolean },
): number {
  const left = refundable(payment);
  if (cancel.by === "business") return left;
  if (!cancel.withinNotice) return 0;
  return payment.rule === "deposit" && cancel.keepDeposits ? 0 : left;
}
