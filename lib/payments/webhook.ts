import type Stripe from "stripe";
import type { Database } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { recordEvent } from "./settle";
import { type StripeConfig, stripeClient } from "./stripe";

/**
 * A webhook delivery: its signature is checked on the raw body (a tampered or replayed-late event
 * is refused with INVALID_SIGNATURE, and nothing changes), it is kept once by its event id, and
 * the payments worker processes it. Answered at once, so that Stripe does not retry a slow one.
 */
export async function receiveWebhook(
  db: Database,
  config: StripeConfig,
  body: string,
  signature: string | null,
): Promise<void> {
  let event: Stripe.Event;
  try {
    event = stripeClient(config).webhooks.constructEvent(
      body,
      signature ?? "",
      config.webhookSecret,
    );
  } catch {
    throw new AppError("INVALID_SIGNATURE");
  }
  await recordEvent(db, event);
}
