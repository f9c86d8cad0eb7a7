import { readFileSync } from "node:fs";
import { PDFParse } from "pdf-parse";
import { expect, test } from "./fixtures";
import { apiHeaders, expectAccessible, openEveryDay, screenshot, signIn } from "./support";

// A business of its own, reached by its subdomain, set up through its dashboard: the owner makes
// a service paid in full online; a customer books it, pays on the (fake) Stripe Checkout page, and
// comes back to a manage page that says paid, once Stripe's signed webhook has been processed.
const onStudio = (baseURL: string | undefined, path: string) =>
  `http://paystudio.localhost:${new URL(baseURL ?? "http://localhost:3107").port}${path}`;
const owner = { email: "owner@paystudio.test", password: "paystudio-owner-pass" };

test("a customer pays for a booking on Stripe's page and lands on a manage page that says paid", async ({
  page,
  browser,
  request,
  baseURL,
}, testInfo) => {
  await openEveryDay(request, apiHeaders("paystudio"));

  await signIn(page, owner, onStudio(baseURL, "/login"));
  await page.goto(onStudio(baseURL, "/admin/settings"));
  await expect(page.getByTestId("payments-state")).toContainText("Online payments are on");
  await page.getByLabel("Time held for an unpaid booking (minutes)").fill("45");
  await page.getByRole("button", { name: "Save payment settings" }).click();
  await expect(page.getByText("Payment settings saved.")).toBeVisible();

  const name = `Deep tissue ${Date.now().toString(36)}`;
  await page.goto(onStudio(baseURL, "/admin/activities/new"));
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Price (EUR)").fill("60");
  await page.getByLabel("Paid online at booking").selectOption("full");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/activities\?saved=1/);
  const link = page.getByRole("link", { name });
  const activityId = (await link.first().getAttribute("href"))?.match(/[0-9a-f-]{36}/)?.[0];
  expect(activityId).toBeTruthy();

  // The customer, in a browser of their own.
  const customer = await (await browser.newContext()).newPage();
  const monday = new Date(Date.now() + 3 * 7 * 86_400_000);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  await customer.goto(
    onStudio(baseURL, `/book/${activityId}?week=${monday.toISOString().slice(0, 10)}`),
  );
  await customer.locator('a[href*="details?at="]:visible').first().click();
  await expect(customer.getByTestId("pay-notice")).toContainText("You pay €60.00 now");
  await expect(customer.getByTestId("pay-notice")).toContainText("45 minutes");
  await customer.getByLabel("Full name").fill("Paula Payer");
  await customer.getByLabel("Email address").fill("paula@example.com");
  await customer.getByRole("button", { name: "Continue to payment" }).click();

  await expect(customer).toHaveURL(/127\.0\.0\.1:\d+\/pay\/cs_test_/);
  await expect(customer.getByTestId("amount")).toHaveText("60.00 EUR");
  await customer.getByRole("button", { name: "Pay" }).click();

  await expect(customer).toHaveURL(/paystudio\.localhost:\d+\/manage\/[\w-]+\?.*checkout=done/);
  // Confirmed by the webhook through the job queue; the page follows by itself.
  await expect(customer.getByText("Payment received")).toBeVisible({ timeout: 20_000 });
  await expect(customer.getByTestId("payment-status")).toHaveText("Paid: €60.00");
  await expect(customer.getByText("Confirmed", { exact: true })).toBeVisible();
  await expectAccessible(customer);
  await screenshot(customer, testInfo, "paid-1280");
  await customer.setViewportSize({ width: 375, height: 800 });
  await expect(customer.getByTestId("payment-status")).toBeVisible();
  expect(await customer.evaluate(() => document.documentElement.scrollWidth > innerWidth)).toBe(
    false,
  );
  await screenshot(customer, testInfo, "paid-375");

  // Later, Paula signs in to her account with the code the outbox holds (no SMTP here), finds the
  // payment and downloads its receipt, a PDF whose text says what she paid for.
  await customer.goto(onStudio(baseURL, "/account"));
  await customer.getByLabel("E-mail address").fill("paula@example.com");
  await customer.getByRole("button", { name: "Send me a code" }).click();
  await expect(customer.getByLabel("6-digit code")).toBeVisible();
  await page.goto(onStudio(baseURL, "/admin/messages"));
  const codeMessage = page
    .locator("[data-message-kind=sign_in_code]", { hasText: "paula@example.com" })
    .first();
  await codeMessage.getByText("Show the message").click();
  // biome-ignore lint/performance/useDomNodeTextContent: as shown, the code stands on its own line
  const code = /\b(\d{6})\b/.exec(await codeMessage.innerText())?.[1] ?? "";
  await customer.getByLabel("6-digit code").fill(code);
  await customer.getByRole("button", { name: "Sign in", exact: true }).click();
  const payments = customer.getByRole("region", { name: "My payments" });
  await expect(payments).toContainText("€60.00");
  const [receipt] = await Promise.all([
    customer.waitForEvent("download"),
    payments.getByRole("link", { name: "Receipt (PDF)" }).click(),
  ]);
  const parser = new PDFParse({ data: readFileSync((await receipt.path()) ?? "") });
  const receiptText = (await parser.getText()).text.replace(/\s+/g, " ");
  await parser.destroy();
  expect(receiptText).toContain("Pay Studio");
  expect(receiptText).toContain(name);
  expect(receiptText).toContain("Amount paid €60.00");
  expect(receiptText).toContain("Card, online (Stripe)");
  await screenshot(customer, testInfo, "account-payments-375");

  // Without JavaScript, the form's redirect to the Checkout page is allowed by the CSP.
  const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await noScript.goto(
    onStudio(baseURL, `/book/${activityId}?week=${monday.toISOString().slice(0, 10)}`),
  );
  await noScript.locator('a[href*="details?at="]').first().click();
  await noScript.getByLabel("Full name").fill("Nora Script");
  await noScript.getByLabel("Email address").fill("nora@example.com");
  await noScript.getByRole("button", { name: "Continue to payment" }).click();
  await expect(noScript).toHaveURL(/127\.0\.0\.1:\d+\/pay\/cs_test_/);

  // The owner sees it paid, refunds it after a confirmation, and the report counts both.
  await page.goto(onStudio(baseURL, "/admin/appointments"));
  const row = page.locator("tr", { hasText: "Paula Payer" });
  await expect(row).toContainText("paid online");
  await expect(page.locator("tr", { hasText: "Nora Script" })).toContainText("awaiting payment");
  await row.getByRole("link", { name: "Paula Payer" }).click();
  await expect(page.getByTestId("appointment-payment")).toHaveText("Paid: €60.00");
  await page.getByRole("button", { name: "Refund €60.00" }).click();
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(page.getByTestId("appointment-payment")).toHaveText("Refunded: €60.00");

  await page.goto(onStudio(baseURL, "/admin/revenue"));
  await expect(page.getByTestId("revenue-paid")).toHaveText("€60.00");
  await expect(page.getByTestId("revenue-refunded")).toHaveText("€60.00");
  await expect(page.getByTestId("revenue-net")).toHaveText("€0.00");
  await expect(page.getByRole("table", { name: "By service" })).toContainText(name);
  await expectAccessible(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const lines = readFileSync(await download.path(), "utf8")
    .trim()
    .split("\n");
  expect(lines).toHaveLength(3);
  expect(lines[2]).toMatch(/,Refund,.*,Paula Payer,-60,EUR$/);
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth)).toBe(false);
  await screenshot(page, testInfo, "revenue-375");
});
