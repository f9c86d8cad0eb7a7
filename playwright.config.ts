import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3107);
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
  webServer: {
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
      // Request lines would drown the test report; warnings and errors still show.
      LOG_LEVEL: "warn",
    },
  },
});
