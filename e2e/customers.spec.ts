import { expect, test } from "./fixtures";
import {
  apiHeaders,
  createService,
  expectAccessible,
  openEveryDay,
  screenshot,
  signIn,
} from "./support";

// A business of its own, reached with ?tenant=: its customers come from bookings made through the
// public API; the owner finds one, reads their history and keeps notes about them.
const owner = { email: "owner@regulars.test", password: "regulars-owner-pass" };

test("an owner finds a returning customer, their bookings and keeps notes", async ({
  page,
  request,
}, testInfo) => {
  const api = apiHeaders("regulars");
  const activityId = await createService(request, api, {
    name: "Haircut",
    durationMinutes: 30,
    price: 25,
  });
  await openEveryDay(request, api);
  const day = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
  for (const [time, name, email] of [
    ["09:00", "Rita Regular", "rita@example.com"],
    ["10:00", "Rita Regular", "RITA@example.com"],
    ["11:00", "Omar Once", "omar@example.com"],
  ]) {
    const booked = await request.post("/api/appointments", {
      headers: { "X-Tenant-Slug": "regulars" },
      data: { activityId, dateTime: `${day}T${time}:00`, clientInfo: { name, email } },
    });
    expect(booked.status()).toBe(201);
  }

  await signIn(page, owner, "/login?tenant=regulars");
  await page.getByRole("link", { name: "Customers" }).click();
  const list = page.getByTestId("customer-list");
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await page.getByLabel("Search").fill("rita");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("2 bookings");
  await list.getByRole("link", { name: "Rita Regular" }).click();

  await expect(page.getByRole("heading", { name: "Rita Regular", level: 1 })).toBeVisible();
  await expect(page.getByTestId("customer-stats")).toContainText("Bookings2");
  await expect(page.getByTestId("customer-history").getByRole("listitem")).toHaveCount(2);
  await page.getByLabel("Notes (only your team sees them)").fill("Likes it short.");
  await page.getByLabel("Tags (separated by commas)").fill("regular, vip");
  await page.getByRole("button", { name: "Save notes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Notes (only your team sees them)")).toHaveValue("Likes it short.");
  await expect(page.getByLabel("Tags (separated by commas)")).toHaveValue("regular, vip");
  await expectAccessible(page);
  await screenshot(page, testInfo, "customer-1280");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download their data (JSON)" }).click();
  expect((await download).suggestedFilename()).toBe("my-data-regulars.json");

  // From the history to the appointment's details, and back by its customer file.
  await page.getByRole("link", { name: "Open in appointments" }).first().click();
  await page.getByRole("link", { name: "Customer file" }).click();
  await expect(page.getByRole("heading", { name: "Rita Regular", level: 1 })).toBeVisible();

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Rita Regular", level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(page, testInfo, "customer-375");

  // The same customer through the API, with the tags kept.
  const listed = await request.get("/api/customers?search=rita", { headers: api });
  expect((await listed.json()).customers).toEqual([
    expect.objectContaining({ name: "Rita Regular", tags: ["regular", "vip"] }),
  ]);
});
