// The e2e run's stand-in for Stripe (see tests/helpers/fake-stripe.ts): the app's SDK calls it
// (STRIPE_API_BASE), and its Checkout page reports payments to the app's webhook.
import { startFakeStripe } from "../tests/helpers/fake-stripe";

const port = Number(process.env.FAKE_STRIPE_PORT ?? 3108);
const secret = process.env.STRIPE_WEBHOOK_SECRET ?? "";
const app = process.env.E2E_APP_URL ?? "http://localhost:3107";
startFakeStripe({ port, webhookSecret: secret, webhookUrl: `${app}/api/payments/webhook` }).then(
  () => console.log(`fake Stripe on port ${port}`),
);
