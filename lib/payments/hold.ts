import { type SQL, sql } from "drizzle-orm";
import { type Activity, type PaymentRule, payments, type Tenant } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { AppError } from "@/lib/errors/app-error";
import { type OwedMessage, owedCte, webhookCtes } from "@/lib/outbox";
import { MINUTE_MS } from "@/lib/scheduling/durations";
import { amountDue, paymentsReadiness } from "./rule";
import type { StripeConfig } from "./stripe";

/** What a new booking must be paid, and until when it holds its time unpaid. */
export interface PaymentDue {
  rule: Exclude<PaymentRule, "none">;
  amountMinor: number;
  currency: string;
  expiresAt: Date;
  stripeAccountId: string | null;
}

/**
 * The payment a booking owes: customers pay for services that ask it; the business's own bookings
 * (a walk-in, a call) are paid at the venue. A service asking for payment that the business can no
 * longer take (its keys or its account gone) is not booked unpaid: PAYMENT_UNAVAILABLE.
 */
export function paymentDue(
  activity: Activity,
  tenant: Tenant,
  actor: Actor,
  stripe: StripeConfig | null,
  now: Date,
): PaymentDue | null {
  const amountMinor = amountDue(activity);
  if (actor.type !== "customer" || activity.paymentRule === "none" || amountMinor <= 0) return null;
  if (paymentsReadiness(tenant, stripe) !== "ready") throw new AppError("PAYMENT_UNAVAILABLE");
  return {
    rule: activity.paymentRule,
    amountMinor,
    currency: tenant.currency,
    expiresAt: new Date(now.getTime() + tenant.paymentHoldMinutes * MINUTE_MS),
    stripeAccountId: tenant.stripeAccountId,
  };
}

/**
 * The CTE (`held`) that writes a new booking's payment, in the statement that inserts it (one per
 * row of `source`, which has id, activity_id and staff_id). The messages the booking owes wait in it
 * until the payment arrives: nobody is told of a booking that may never be paid.
 */
export function paymentCte(tenantId: string, due: PaymentDue, owed: OwedMessage[], source: SQL) {
  return sql`, held as (
      insert into ${payments} (tenant_id, appointment_id, activity_id, staff_id, rule, amount_minor,
        currency, stripe_account_id, expires_at, owed_on_payment)
      select ${tenantId}::uuid, s.id, s.activity_id, s.staff_id, ${due.rule}, ${due.amountMinor}::int,
        ${due.currency}, ${due.stripeAccountId}, ${due.expiresAt.toISOString()}::timestamptz,
        ${JSON.stringify(owed)}::jsonb
      from ${source} s
    )`;
}

/**
 * The CTEs of a booking statement that write what goes along with the rows of `source`: the
 * messages (held by the payment, if one is due) and the `appointment.created` event.
 */
export const alongCte = (
  tenantId: string,
  along: { due: PaymentDue | null; now: Date },
  owed: OwedMessage[],
  source: SQL,
) =>
  sql`${along.due ? paymentCte(tenantId, along.due, owed, source) : owedCte(tenantId, owed, source)}${webhookCtes(
    tenantId,
    [{ type: "appointment.created" }],
    source,
    along.now,
  )}`;
