import Stripe from "stripe";
import type { Env } from "@/lib/env";

export type StripeConfig = NonNullable<Env["stripe"]>;

const clients = new Map<string, Stripe>();

/**
 * The Stripe SDK for the configured keys, pointed at STRIPE_API_BASE when one is named (a local
 * stand-in of the endpoints used). Retries are the SDK's own, with the same idempotency key.
 */
export function stripeClient(config: StripeConfig): Stripe {
  const key = `${config.secretKey} ${config.apiBase ?? ""}`;
  let client = clients.get(key);
  if (!client) {
    const base = config.apiBase ? new URL(config.apiBase) : null;
    client = new Stripe(config.secretKey, {
      maxNetworkRetries: 2,
      timeout: 15_000,
      ...(base
        ? {
            host: base.hostname,
            port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
            protocol: base.protocol === "https:" ? "https" : "http",
          }
        : {}),
    });
    clients.set(key, client);
  }
  return client;
}

/** The request options of a call on a business's behalf: its connected account, if any. */
export const onAccount = (stripeAccountId: string | null, idempotencyKey?: string) => ({
  ...(stripeAccountId ? { stripeAccount: stripeAccountId } : {}),
  ...(idempotencyKey ? { idempotencyKey } : {}),
});
