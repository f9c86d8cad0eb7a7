import { expect, test } from "./fixtures";
import { expectAccessible, screenshot, setHoursEveryDay } from "./support";

// A business that starts alone: signed up on the web (no CLI), its owner confirms their address
// from the outbox (this server sends no e-mail), sets a service and hours through the first-run
// guide, and its first customer books on its subdomain.
test.describe.configure({ mode: "serial" });

const onSubdomain = (baseURL: string | undefined, slug: string, path: string) =>
  `http://${slug}.localhost:${new URL(baseURL ?? "http://localhost:3107").port}${path}`;

test("sign-up to the first booking, without the CLI", async ({ page, baseURL }, testInfo) => {
  expect(new URL(baseURL ?? "").port).not.toBe("3000");
  await page.goto("/signup");
  await expect(page.getByRole("heading", { name: "Create your business" })).toBeVisible();
  await page.getByLabel("Business name").fill("Maison Ondine");
  // The address is proposed from the name, and said to be free.
  await expect(page.getByLabel("Booking page address")).toHaveValue("maison-ondine");
  await expect(page.locator("#slug-hint")).toContainText("Available");
  // The time zone comes from the browser.
  await expect(page.getByLabel("Time zone")).toHaveValue(
    await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
  );
  await page.getByLabel("Time zone").selectOption("Europe/Paris");
  await page.getByLabel("Your name").fill("Ondine Roux");
  await page.getByLabel("Your e-mail address").fill("ondine@maison.test");
  await page.getByLabel("Password", { exact: true }).fill("ondine2024");
  await expect(page.getByRole("meter", { name: "Password strength" })).toBeVisible();
  await page.getByRole("button", { name: "Create my business" }).click();
  // Refused, with every typed value kept and the reason beside the field.
  await expect(page.getByText("This password is too easy to guess")).toBeVisible();
  await expect(page.getByLabel("Business name")).toHaveValue("Maison Ondine");
  await expect(page.getByLabel("Your e-mail address")).toHaveValue("ondine@maison.test");
  await page.getByLabel("Password", { exact: true }).fill("harbour lilac tandem 58");
  await expect(page.locator("#password-hint")).toContainText(/Strong|Very strong/);
  await expectAccessible(page);
  await screenshot(page, testInfo, "signup");
  await page.getByRole("button", { name: "Create my business" }).click();

  // Signed in on the new business, with its guide.
  await expect(page).toHaveURL(/\/admin\?tenant=maison-ondine$/);
  const guide = page.getByTestId("first-run-guide");
  await expect(guide).toContainText("This server sends no e-mail");

  // Customers cannot book yet.
  const customer = await page.context().browser()?.newPage();
  if (!customer) throw new Error("no browser");
  await customer.goto(onSubdomain(baseURL, "maison-ondine", "/"));
  await expect(customer.getByRole("heading", { level: 1 })).toContainText(/unavailable/i);
  await expect(customer.getByRole("link", { name: /^Book / })).toHaveCount(0);

  // The confirmation link, from the outbox.
  await guide.getByRole("link", { name: "Open Messages" }).click();
  await page.getByRole("link", { name: "Open the confirmation link" }).click();
  await expect(page.getByRole("heading", { name: "Your address is confirmed" })).toBeVisible();
  await page.getByRole("link", { name: "Go to your dashboard" }).click();

  // A service and opening hours, from the guide's links.
  await page
    .getByTestId("first-run-guide")
    .getByRole("link", { name: "Add your first service" })
    .click();
  await page.getByLabel("Name", { exact: true }).fill("Soin visage");
  await page.getByLabel("Duration (minutes)").fill("60");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Service saved.")).toBeVisible();
  await page.goto("/admin");
  await page.getByTestId("first-run-guide").getByRole("link", { name: "Set the hours" }).click();
  await setHoursEveryDay(page, "09:00", "18:00");

  await page.goto("/admin");
  await expect(page.getByTestId("first-run-guide")).toContainText("Your booking page is live");
  await screenshot(page, testInfo, "guide-live");
  const link = await page.getByTestId("guide-booking-link").getAttribute("href");
  // The dashboard is on the main host, so the link names the business with ?tenant=.
  expect(link).toBe(`${baseURL}/?tenant=maison-ondine`);

  // Its privacy notice, and news offered to customers.
  await page.goto("/admin/settings");
  await page.getByLabel("Privacy notice (address)").fill("https://maison-ondine.example/privacy");
  await page.getByLabel(/Offer customers to receive your news/).check();
  await page.getByRole("button", { name: "Save the consent settings" }).click();
  await expect(page.getByLabel("Privacy notice (address)")).toHaveValue(
    "https://maison-ondine.example/privacy",
  );

  // The first customer books, accepting the notice (the form says so when they forget).
  await customer.goto(link ?? "");
  await customer.getByRole("link", { name: "Book Soin visage" }).click();
  await customer.locator('a[href*="details?at="]:visible').first().click();
  await customer.getByLabel(/Full name/).fill("Première Cliente");
  await customer.getByLabel(/Email address/).fill("premiere@example.test");
  await customer.getByLabel(/Send me news and offers/).check();
  await customer.getByRole("button", { name: "Confirm booking" }).click();
  await expect(customer.getByText("Please accept this to book.")).toBeVisible();
  await expect(customer.getByLabel(/Full name/)).toHaveValue("Première Cliente");
  await expect(customer.getByRole("link", { name: "privacy notice" })).toHaveAttribute(
    "href",
    "https://maison-ondine.example/privacy",
  );
  await customer.getByLabel(/I have read and accept/).check();
  await customer.getByRole("button", { name: "Confirm booking" }).click();
  await expect(customer.getByText("Your booking is registered")).toBeVisible();
  await customer.close();

  // The customer's file says when they agreed to news.
  await page.goto("/admin/customers");
  await page.getByRole("link", { name: "Première Cliente" }).click();
  await expect(page.getByText(/Agreed on/)).toBeVisible();

  // The owner finishes the guide; the usual booking link card takes its place.
  await page.goto("/admin");
  await page.getByRole("button", { name: "Done: hide this guide" }).click();
  await expect(page.getByTestId("first-run-guide")).toHaveCount(0);
  await expect(page.getByTestId("booking-link")).toBeVisible();
});

test("on a phone the sign-up form fits, and a taken address is said so as it is typed", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Business name").fill("Maison Ondine");
  // The first one's address is taken: the next free one is proposed.
  await expect(page.getByLabel("Booking page address")).toHaveValue("maison-ondine-2");
  await page.getByLabel("Booking page address").fill("maison-ondine");
  await expect(page.locator("#slug-hint")).toContainText("Already taken");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await context.close();
});
