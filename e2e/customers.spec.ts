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

  // Erasing Omar: refused while his booking is to come, done once it is cancelled.
  await page.goto("/admin/customers?q=omar");
  await page.getByRole("link", { name: "Omar Once" }).click();
  await page.getByRole("link", { name: "Erase this customer" }).click();
  await page.getByRole("button", { name: "Erase for good" }).click();
  await expect(page.getByText("This customer has an upcoming booking")).toBeVisible();
  const omar = (await (await request.get("/api/customers?search=omar", { headers: api })).json())
    .customers[0];
  const bookings = await request.get(`/api/appointments?customerId=${omar.id}`, { headers: api });
  for (const booking of (await bookings.json()).appointments) {
    const cancelled = await request.patch(`/api/appointments/${booking.id}/status`, {
      headers: api,
      data: { status: "cancelled" },
    });
    expect(cancelled.status()).toBe(200);
  }
  await page.getByRole("link", { name: "Erase this customer" }).click();
  await page.getByRole("button", { name: "Erase for good" }).click();
  await expect(page.getByText("Customer erased.")).toBeVisible();

  // And those who stop coming are erased after the months the business chooses.
  await page.goto("/admin/settings#privacy");
  await page.getByLabel("Erase customers after (months without a booking)").fill("24");
  await page.getByRole("button", { name: "Save the retention" }).click();
  await expect(page.getByLabel("Erase customers after (months without a booking)")).toHaveValue(
    "24",
  );
  const after = await request.get("/api/customers", { headers: api });
  expect((await after.json()).customers.map((c: { name: string }) => c.name)).toEqual([
    "Rita Regular",
  ]);
});

test("a customer downloads their data, then erases it from their manage link", async ({
  browser,
  request,
}) => {
  const api = apiHeaders("regulars");
  const activityId = await createService(request, api, {
    name: "Beard trim",
    durationMinutes: 15,
    price: 12,
  });
  await openEveryDay(request, api);
  const customer = await (await browser.newContext()).newPage();
  const monday = new Date(Date.now() + 2 * 7 * 86_400_000);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  await customer.goto(
    `/book/${activityId}?tenant=regulars&week=${monday.toISOString().slice(0, 10)}`,
  );
  await customer.locator('a[href*="details?at="]:visible').first().click();
  await customer.getByLabel("Full name").fill("Eve Eraser");
  await customer.getByLabel("Email address").fill("eve@example.com");
  await customer.getByRole("button", { name: "Confirm booking" }).click();
  await expect(customer).toHaveURL(/\/manage\/[\w-]+/);
  const manage = customer.url().split("?")[0] ?? "";

  const download = customer.waitForEvent("download");
  await customer
    .getByRole("link", { name: /Download everything Regulars Salon holds about you/ })
    .click();
  expect((await download).suggestedFilename()).toBe("my-data-regulars.json");
  // The same, to read.
  await customer.getByRole("link", { name: "See it on a page" }).click();
  await expect(
    customer.getByRole("heading", { name: "What Regulars Salon holds about you" }),
  ).toBeVisible();
  await expect(customer.getByText("eve@example.com").first()).toBeVisible();
  await expect(customer.getByRole("heading", { name: "Your bookings (1)" })).toBeVisible();
  await customer.getByRole("link", { name: "Back to your booking" }).click();

  // With the booking to come, erasing is refused with the way forward; once cancelled, it is done.
  await customer.getByRole("link", { name: "Erase my data" }).click();
  await customer.getByRole("alertdialog").getByRole("button", { name: "Erase my data" }).click();
  await expect(customer.getByText("You have a booking to come: cancel it first")).toBeVisible();
  await customer.getByRole("link", { name: "Cancel booking" }).click();
  await customer.getByRole("button", { name: "Yes, cancel it" }).click();
  await customer.getByRole("link", { name: "Erase my data" }).click();
  await customer.getByRole("alertdialog").getByRole("button", { name: "Erase my data" }).click();
  await expect(customer.getByRole("heading", { name: "Your data has been erased" })).toBeVisible();
  expect((await request.get(manage)).status()).toBe(404);
  const left = await request.get("/api/customers?search=eve", { headers: api });
  expect((await left.json()).customers).toEqual([]);
});
