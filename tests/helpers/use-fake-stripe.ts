import { afterAll, beforeAll } from "vitest";
import { rereadEnv } from "@/lib/env";
import { type FakeStripe, startFakeStripe } from "./fake-stripe";

const variables = [
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "STRIPE_API_BASE",
  "STRIPE_DIRECT",
];

/**
 * For the suite: a fake of Stripe's endpoints, with the app's environment pointing the SDK at it
 * (payments on the platform's own account), put back afterwards. Gives the running fake.
 */
export function useFakeStripe(webhookSecret: string): () => FakeStripe {
  let fake: FakeStripe | undefined;
  beforeAll(async () => {
    fake = await startFakeStripe({ webhookSecret });
    Object.assign(process.env, {
      STRIPE_SECRET_KEY: "sk_test_rendezvous",
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_BASE: fake.url,
      STRIPE_DIRECT: "1",
    });
    rereadEnv();
  });
  afterAll(async () => {
    for (const name of variables) delete process.env[name];
    rereadEnv();
    await fake?.close();
  });
  return () => {
    if (!fake) throw new Error("the fake Stripe is not running");
    return fake;
  };
}
