import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, type TestInfo } from "@playwright/test";

/** The API key e2e/serve.sh created for a business. */
export const apiKeyOf = (
  tenant:
    | "demo"
    | "acme"
    | "studio"
    | "allday"
    | "quiet"
    | "nova"
    | "lumen"
    | "paystudio"
    | "hookshop"
    | "regulars"
    | "widgetshop"
    | "rivegauche"
    | "lune",
) => readFileSync(path.join(process.env.E2E_DATA_DIR ?? "", `${tenant}.key`), "utf8").trim();

/** The METRICS_TOKEN playwright.config.ts gives the server. */
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789";

export const demoOwner = { email: "owner@demo.rendezvous.test", password: "rendezvous-demo" };
export const demoStaff = { email: "staff@demo.rendezvous.test", password: "demo-staff-pass" };
export const acmeOwner = { email: "owner@acme.test", password: "acme-owner-pass" };

export async function signIn(
  page: Page,
  user: { email: string; password: string },
  url = "/login",
) {
  await page.goto(url);
  await page.getByLabel(/e-mail|email/i).fill(user.email);
  await page.getByLabel(/mot de passe|password/i).fill(user.password);
  await page.getByRole("button", { name: /se connecter|sign in/i }).click();
  await expect(page).toHaveURL(/\/admin/);
}

/** A full-page screenshot kept in test-results/screenshots/ and attached to the test's report. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const test = testInfo.titlePath
    .slice(1)
    .join(" ")
    .replace(/[^a-z0-9]+/gi, "-")
    .slice(0, 60);
  const file = path.join(testInfo.project.outputDir, "screenshots", `${test}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/**
 * No serious or critical axe violation on the page. The title (axe's `document-title`) is checked
 * by Playwright's own assertion instead, which waits for it: Next streams a page's metadata, and a
 * refresh after a save replaces the title for a moment, whenever axe happens to look.
 */
export async function expectAccessible(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).disableRules(["document-title"]).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
}

/** The API's headers for one of serve.sh's businesses, with its key. */
export const apiHeaders = (tenant: Parameters<typeof apiKeyOf>[0]) => ({
  Authorization: `Bearer ${apiKeyOf(tenant)}`,
  "X-Tenant-Slug": tenant,
});

/** Opens a business every day, 09:00–17:00, through the API. */
export async function openEveryDay(request: APIRequestContext, headers: Record<string, string>) {
  const hours = await request.put("/api/appointments/availability", {
    headers,
    data: {
      weeklySlots: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
        dayOfWeek,
        startTime: "09:00",
        endTime: "17:00",
      })),
      exceptions: [],
    },
  });
  expect(hours.status()).toBe(200);
}

/** A service made through the API; its id. */
export async function createService(
  request: APIRequestContext,
  headers: Record<string, string>,
  service: { name: string; durationMinutes: number; price: number },
): Promise<string> {
  const created = await request.post("/api/appointments/activities", { headers, data: service });
  expect(created.status()).toBe(201);
  return (await created.json()).activity.id;
}

/** Opens the business every day through the dashboard's hours editor (on its page already). */
export async function setHoursEveryDay(page: Page, opens: string, closes: string) {
  await page.getByRole("button", { name: "Add a window – Monday" }).click();
  await page.getByLabel("Monday 1 – Opens").fill(opens);
  await page.getByLabel("Monday 1 – Closes").fill(closes);
  await page.getByRole("button", { name: "Copy this day to… (Monday)" }).click();
  for (const day of ["Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) {
    await page.getByRole("checkbox", { name: day }).check();
  }
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Opening hours saved.")).toBeVisible();
}
