import { and, eq } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { payments, type Tenant } from "@/db/schema";
import type { PaymentSummary } from "@/lib/appointments";
import { AppError } from "@/lib/errors/app-error";
import { hrefWith } from "@/lib/http/href-with";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import type { PaymentDue } from "./hold";
import { releaseHold } from "./settle";
import { onAccount, type StripeConfig, stripeClient } from "./stripe";

/**
 * Stripe's Checkout Session must last at least 30 minutes from its own creation, a moment after
 * the hold began: it is given this much more, and the sweeper expires it when the hold ends.
 */
const SESSION_SLACK_SECONDS = 120;

/** What checkout needs of a new booking: who books what, when, and the payment it holds. */
export interface BookingToPay {
  id: string;
  activityName: string;
  startsAt: Date;
  clientEmail: string | null;
  manageToken: string;
  dueOnBooking: PaymentDue | null;
}

export interface CheckoutOptions {
  stripe?: StripeConfig | null;
  /** The address of the booking's private manage link, where Stripe sends the customer back. */
  manageLink?: (token: string) => string;
}

/**
 * Opens the Stripe Checkout Session a new booking is paid through, on the business's account, with
 * an idempotency key of the appointment (a retry gets the same session), and keeps its address for
 * the manage page. If Stripe cannot be reached, the hold is released at once (or, inside a
 * caller's transaction, rolled back with it): no slot waits for a payment nobody can make.
 */
export async function startCheckout<Booked extends BookingToPay>(
  db: Database,
  tenant: Tenant,
  booked: Booked,
  options: CheckoutOptions,
  now: Date,
): Promise<Booked & { payment: PaymentSummary }> {
  const due = booked.dueOnBooking;
  if (!due || !options.stripe || !options.manageLink) {
    throw new Error("a paid booking needs Stripe's keys and a manage link");
  }
  const manageUrl = options.manageLink(booked.manageToken);
  const metadata = { tenantId: tenant.id, appointmentId: booked.id };
  let session: { id: string; url: string | null };
  try {
    session = await stripeClient(options.stripe).checkout.sessions.create(
      {
        mode: "payment",
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: due.currency.toLowerCase(),
              unit_amount: due.amountMinor,
              product_data: {
                name: booked.activityName,
                description: formatDateTime(
                  booked.startsAt,
                  tenant.timeZone,
                  tenant.locale as Locale,
                ),
              },
            },
          },
        ],
        ...(booked.clientEmail ? { customer_email: booked.clientEmail } : {}),
        client_reference_id: booked.id,
        metadata,
        payment_intent_data: { metadata },
        locale: tenant.locale as "fr" | "en",
        expires_at: Math.ceil(due.expiresAt.getTime() / 1000) + SESSION_SLACK_SECONDS,
        success_url: hrefWith(manageUrl, { checkout: "done" }),
        cancel_url: hrefWith(manageUrl, { checkout: "cancelled" }),
      },
      onAccount(due.stripeAccountId, `checkout-${booked.id}`),
    );
  } catch (error) {
    // The kind of failure only: Stripe's messages may quote what was sent.
    logger.error("checkout session not created", {
      appointmentId: booked.id,
      reason: (error as { type?: string }).type ?? (error as Error).name,
    });
    if (!(db instanceof PgTransaction)) await releaseHold(db, tenant.id, booked.id, "failed", now);
    throw new AppError("PAYMENT_UNAVAILABLE");
  }
  const [payment] = await db
    .update(payments)
    .set({ checkoutSessionId: session.id, checkoutUrl: session.url, updatedAt: now })
    .where(and(eq(payments.tenantId, tenant.id), eq(payments.appointmentId, booked.id)))
    .returning();
  if (!payment) throw new AppError("NOT_FOUND");
  const summary: PaymentSummary = {
    id: payment.id,
    rule: payment.rule,
    status: payment.status,
    amountMinor: payment.amountMinor,
    refundedMinor: payment.refundedMinor,
    refundDueMinor: payment.refundDueMinor,
    currency: payment.currency,
    checkoutUrl: payment.checkoutUrl,
    expiresAt: payment.expiresAt.toISOString(),
    paidAt: null,
  };
  return { ...booked, payment: summary };
}
