import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3107);
const stripePort = port + 1;
// Payments go to a local stand-in of Stripe's API and Checkout page, which signs its webhooks.
const stripe = {
  STRIPE_SECRET_KEY: "sk_test_rendezvous_e2e",
  STRIPE_WEBHOOK_SECRET: "whsec_rendezvous_e2e",
  STRIPE_API_BASE: `http://127.0.0.1:${stripePort}`,
  STRIPE_DIRECT: "1",
};
// One throw-away data folder per run; workers inherit it through the environment.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "rendezvous-e2e-"));

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    // Debian's Chromium: browsers are never downloaded here.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
      ],
    },
  },
  webServer: [
    {
      command: "npx tsx e2e/fake-stripe-server.ts",
      url: `http://127.0.0.1:${stripePort}/`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: {
        FAKE_STRIPE_PORT: String(stripePort),
        STRIPE_WEBHOOK_SECRET: stripe.STRIPE_WEBHOOK_SECRET,
        E2E_APP_URL: `http://localhost:${port}`,
      },
    },
    {
      command: "bash e2e/serve.sh",
      url: `http://localhost:${port}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(port),
        DATA_DIR: process.env.E2E_DATA_DIR,
        APP_ROOT_DOMAIN: "localhost",
        SEED_DEMO: "1",
        DATABASE_URL: "",
        // No NEXTAUTH_URL: redirects follow the port and subdomain each request came on.
        // The suite sends far more than a visitor would from one address; the sign-in limit stays,
        // and TRUST_PROXY lets a test speak for other addresses with X-Forwarded-For.
        RATE_LIMIT_PUBLIC: "100000",
        RATE_LIMIT_BOOKING: "100000",
        RATE_LIMIT_API: "100000",
        TRUST_PROXY: "1",
        METRICS_TOKEN: "e2e-metrics-token-0123456789",
        // The webhooks spec's receiver listens on the loopback address.
        WEBHOOKS_ALLOW_PRIVATE: "1",
        // Request lines would drown the test report; warnings and errors still show.
        LOG_LEVEL: "warn",
        ...stripe,
      },
    },
  ],
});
