import { expect, test } from "./fixtures";
import { expectAccessible } from "./support";

// This server sends no e-mail (no SMTP_URL): the page says so instead of promising a link nobody
// but the owners could read in the outbox. A reset link that is not one gets a clear refusal.
test("a forgotten password: the way from the sign-in page, and a link that does not work", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/login?tenant=acme");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("cannot send you a link");
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await page.goto("/reset-password/not-a-real-token?tenant=acme");
  await page.getByLabel("New password (8 characters or more)").fill("short");
  await page.getByLabel("The same again").fill("short");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText("The password needs 8 characters or more.")).toBeVisible();
  await page.getByLabel("New password (8 characters or more)").fill("long enough now");
  await page.getByLabel("The same again").fill("long enough now");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText("This link has expired or was already used")).toBeVisible();
});
