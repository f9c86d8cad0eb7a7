import { expect, test } from "./fixtures";
import { apiKeyOf, demoOwner, expectAccessible, screenshot, signIn } from "./support";

// The demo has no SMTP server: a customer's confirmation is kept in the dashboard's outbox, as
// they would receive it, within moments of the booking (the job queue delivers it).
const onDemo = (baseURL: string | undefined, path: string) =>
  `http://demo.localhost:${new URL(baseURL ?? "http://localhost:3107").port}${path}`;

test("a customer's booking confirmation appears in the demo's outbox, in full", async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  const created = await request.post("/api/appointments/activities", {
    headers: { Authorization: `Bearer ${apiKeyOf("demo")}`, "X-Tenant-Slug": "demo" },
    data: {
      name: `Soin messages ${Date.now().toString(36)}`,
      description: null,
      durationMinutes: 45,
      color: "#7c3aed",
      price: 30,
      requiredFields: { phone: false, address: false, customField: false, customFieldLabel: null },
      reminderSettings: { enabled: true, hoursBefore: 24 },
      minimumBookingNoticeHours: 0,
    },
  });
  expect(created.status()).toBe(201);
  const activity = (await created.json()).activity as { id: string; name: string };
  const email = `outbox-${Date.now().toString(36)}@example.com`;

  const monday = new Date(Date.now() + 11 * 7 * 86_400_000);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  await page.goto(
    onDemo(baseURL, `/book/${activity.id}?week=${monday.toISOString().slice(0, 10)}`),
  );
  await page.locator('a[href*="details?at="]:visible').first().click();
  await page.getByLabel("Nom complet").fill("Odile Boîte");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Confirmer la réservation" }).click();
  await expect(page).toHaveURL(/\/manage\//);
  const manageUrl = new URL(page.url());

  await signIn(page, demoOwner, onDemo(baseURL, "/login"));
  const row = page.locator("li", { hasText: email }).filter({ hasText: "Demande reçue" });
  // The worker runs beside the page: the outbox is read again until the message is there.
  await expect(async () => {
    await page.goto(onDemo(baseURL, "/admin/messages"));
    await expect(row).toContainText("Non envoyé (pas de SMTP)", { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(row).toContainText(activity.name);
  const notice = page.locator("li").filter({ hasText: "Nouvelle réservation : Odile Boîte" });
  await expect(notice).toHaveCount(1);

  await row.getByText("Voir le message").click();
  await expect(row.locator("pre").first()).toContainText("Bonjour Odile Boîte,");
  await expect(row.locator("pre").first()).toContainText(manageUrl.pathname);
  await expect(row.frameLocator("iframe").getByRole("heading")).toContainText(
    "Salon Démo a bien reçu votre réservation",
  );
  await expectAccessible(page);
  await screenshot(page, testInfo, "outbox-1280");
  await page.setViewportSize({ width: 375, height: 800 });
  await expect(row).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
  expect(overflow).toBe(false);
  await screenshot(page, testInfo, "outbox-375");
});
