import { expect, type Page, test } from "./fixtures";
import { screenshot, setHoursEveryDay, signIn } from "./support";

// The first hour of a new owner and of their first customer, on a business created from the CLI
// ("bloom", e2e/serve.sh), not the demo: the owner reaches it with ?tenant= on a port other than
// 3000, the customer on its subdomain.
test.describe.configure({ mode: "serial" });

const owner = { email: "owner@bloom.test", password: "bloom-owner-pass" };
const onBloom = (baseURL: string | undefined, path: string) =>
  `http://bloom.localhost:${new URL(baseURL ?? "http://localhost:3107").port}${path}`;
/** Tomorrow in the business's zone, and whether it opens a new calendar week (a Monday). */
const tomorrow = () => {
  const day = new Date(Date.now() + 86_400_000).toLocaleDateString("sv-SE", {
    timeZone: "America/Chicago",
  });
  return { day, nextWeek: new Date(`${day}T12:00:00Z`).getUTCDay() === 1 };
};
const withTenant = (path: string) => `${path}${path.includes("?") ? "&" : "?"}tenant=bloom`;

let serviceName = "";
let manageUrl = "";

async function setModule(page: Page, on: boolean) {
  await page.goto(withTenant("/admin/settings"));
  const state = page.getByTestId("module-state");
  if ((await state.textContent())?.includes(on ? "is on" : "is off")) return;
  await page
    .getByRole("button", { name: on ? /Turn online booking on/ : /Turn online booking off/ })
    .click();
  await expect(state).toContainText(on ? "is on" : "is off");
}

test("a new owner sets up the business and books a walk-in without an e-mail address", async ({
  page,
  baseURL,
}, testInfo) => {
  expect(new URL(baseURL ?? "").port).not.toBe("3000");
  await signIn(page, owner, withTenant("/login"));
  await expect(page.getByText("The calendar could not be loaded")).toHaveCount(0);

  // Settings: a refused save keeps every typed value, says what is wrong next to each field,
  // and puts the focus on the first of them.
  await page.goto(withTenant("/admin/settings"));
  await page.getByLabel("Business name").fill("Bloom Therapy & Co");
  await page.getByLabel("Time zone").fill("Mars/Olympus");
  await page.getByLabel("Start times every (minutes)").fill("0");
  await page.getByLabel("Contact phone (shown to customers)").fill("+1 312 555 0199");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const zone = page.getByLabel("Time zone");
  await expect(zone).toHaveAttribute("aria-invalid", "true");
  await expect(zone).toBeFocused();
  await expect(page.getByText("Please choose a time zone from the list.")).toBeVisible();
  await expect(page.getByText("At least 5.")).toBeVisible();
  await expect(page.getByLabel("Business name")).toHaveValue("Bloom Therapy & Co");
  await expect(page.getByLabel("Contact phone (shown to customers)")).toHaveValue(
    "+1 312 555 0199",
  );
  // The zones are a list labelled by city and offset.
  expect(
    await page.locator('#time-zones option[value="America/Chicago"]').getAttribute("label"),
  ).toMatch(/^Chicago, Houston, Dallas \(America\) · UTC-0[56]:00$/);
  await screenshot(page, testInfo, "settings-refused");
  await zone.fill("America/Chicago");
  await page.getByLabel("Start times every (minutes)").fill("30");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByLabel("Business name")).toHaveValue("Bloom Therapy & Co");

  // A service and the opening hours.
  serviceName = "First consultation";
  await page.goto(withTenant("/admin/activities/new"));
  await page.getByLabel("Name", { exact: true }).fill(serviceName);
  await page.getByLabel("Duration (minutes)").fill("30");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Service saved.")).toBeVisible();

  await page.goto(withTenant("/admin/availability"));
  await setHoursEveryDay(page, "09:00", "17:00");

  // The calendar draws the hours, and a walk-in booked with a name and a phone only.
  await page.goto(withTenant("/admin"));
  await expect(page.locator(".rv-open-hours").first()).toBeAttached();
  await expect(page.getByText("The calendar could not be loaded")).toHaveCount(0);
  await page.getByRole("button", { name: "New appointment" }).click();
  const panel = page.getByRole("region", { name: "New appointment" });
  await expect(panel.getByRole("heading", { name: "New appointment" })).toBeFocused();
  // It proposes the first free start.
  await expect(panel.getByLabel(/^Start \(\S+ time\) \*$/)).toHaveValue(
    /^\d{4}-\d\d-\d\dT\d\d:\d\d$/,
  );
  await panel.getByLabel(/^Start \(\S+ time\) \*$/).fill(`${tomorrow().day}T11:00`);
  await panel.getByLabel("Phone").fill("not a phone");
  await panel.getByRole("button", { name: "Book" }).click();
  // Each field its own words; the first wrong one takes the focus; fixing it clears them.
  await expect(panel.getByText("Please fill in this field.")).toBeVisible();
  await expect(panel.getByText("Please enter a valid phone number.")).toBeVisible();
  await expect(panel.getByLabel("Name *")).toBeFocused();
  await panel.getByLabel("Name *").fill("Walk-in Wanda");
  await expect(panel.getByText("Please fill in this field.")).toHaveCount(0);
  await panel.getByLabel("Phone").fill("+1 312 555 0100");
  await panel.getByRole("button", { name: "Book" }).click();
  await expect(page.getByText("Appointment booked.")).toBeVisible();
  // The calendar opens on this week (from Monday): tomorrow may be next week's Monday.
  if (tomorrow().nextWeek) await page.getByRole("button", { name: /next/i }).click();
  const event = page.locator(".rv-event", { hasText: "Walk-in Wanda" });
  await expect(event).toBeVisible();
  // The block wraps client and service; its full text is its tooltip.
  await expect(event).toHaveAttribute("title", /Walk-in Wanda/);
  await event.click();
  const details = page.getByRole("region", { name: serviceName });
  await expect(details).toContainText("+1 312 555 0100");
  await expect(details.getByText("Email", { exact: true })).toHaveCount(0);
  await screenshot(page, testInfo, "calendar-walk-in");

  // Signing out lands on this app's sign-in page, on this port.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/login`));
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a customer sees the policy, gets a working private link on the subdomain, and keeps seeing the booking while online booking is off", async ({
  page,
  baseURL,
  browser,
}, testInfo) => {
  await page.goto(onBloom(baseURL, "/"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("business-contact")).toContainText("+1 312 555 0199");
  await expect(page.getByTestId("business-contact")).toContainText("owner@bloom.test");
  await page.getByRole("link", { name: `Book ${serviceName}` }).click();
  await page.locator('a[href*="details?at="]:visible').first().click();

  // The rules are shown before confirming.
  await expect(page.getByTestId("booking-policy")).toContainText(
    "You can cancel online up to 24 hours before the start, and move your booking up to 2 hours before.",
  );
  await page.getByLabel(/Full name/).fill("Casey Customer");
  await page.getByLabel(/Email address/).fill("casey@example.test");
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByText("Your booking is registered")).toBeVisible();
  await expect(page.getByTestId("booking-policy")).toBeVisible();

  // The private link is the subdomain's, right after booking, and it works.
  manageUrl = await page.getByLabel("Your private link").inputValue();
  expect(manageUrl).toMatch(new RegExp(`^${onBloom(baseURL, "/manage/")}[A-Za-z0-9_-]{43}$`));
  // The calendar file names the same link (fetched by the browser, which resolves *.localhost).
  const ics = await page.evaluate(
    async (url) => (await fetch(url)).text(),
    `${manageUrl}/booking.ics`,
  );
  expect(ics.replace(/\r\n[ \t]/g, "")).toContain(manageUrl);
  await page.goto(manageUrl);
  await expect(page.getByRole("heading", { name: "Your booking" })).toBeVisible();
  await screenshot(page, testInfo, "manage");

  // The owner pauses online booking: the booking still shows, with how to reach the business.
  const ownerPage = await browser.newPage({ baseURL });
  await signIn(ownerPage, owner, withTenant("/login"));
  await setModule(ownerPage, false);
  try {
    await page.goto(manageUrl);
    await expect(page.getByText(serviceName)).toBeVisible();
    await expect(page.getByTestId("module-off-note")).toBeVisible();
    await expect(page.getByTestId("business-contact")).toContainText("+1 312 555 0199");
    await expect(page.getByRole("link", { name: "Cancel booking" })).toHaveCount(0);
    await screenshot(page, testInfo, "manage-module-off");
  } finally {
    await setModule(ownerPage, true);
    await ownerPage.close();
  }
});

test("on a phone the owner's calendar opens on one readable day, and details open in view", async ({
  browser,
  baseURL,
}, testInfo) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await signIn(page, owner, withTenant("/login"));
  await expect(page.getByRole("tab", { name: "Day view", selected: true })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await page.getByRole("tab", { name: "List view" }).click();
  const event = page.locator(".rv-event", { hasText: "Walk-in Wanda" });
  // The list shows this week (from Monday): tomorrow may be next week's Monday.
  if (tomorrow().nextWeek) await page.getByRole("button", { name: /next/i }).click();
  await event.click();
  const heading = page.getByRole("heading", { name: serviceName });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await screenshot(page, testInfo, "phone-details");
  await context.close();
});

test("the owner runs the team: a new member's role, password and removal end their sessions", async ({
  page,
  browser,
  baseURL,
}) => {
  const member = { email: "sam@bloom.test", password: "sam-first-password" };
  await signIn(page, owner, withTenant("/login"));
  await page.goto(withTenant("/admin/settings"));
  const team = page.locator("#team");
  await team.getByLabel("Name").fill("Sam");
  await team.getByLabel("Email").fill(member.email);
  await team.getByLabel(/^Password/).fill(member.password);
  await team.getByRole("button", { name: "Add" }).click();
  await expect(page.getByText("Team member added.")).toBeVisible();

  const samContext = await browser.newContext({ baseURL });
  const sam = await samContext.newPage();
  await signIn(sam, member, withTenant("/login"));

  // A new role ends Sam's session: the next page asks to sign in again.
  await team.getByLabel("Role of Sam").selectOption("admin");
  await team.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText("Role changed")).toBeVisible();
  await sam.goto(withTenant("/admin/activities"));
  await expect(sam).toHaveURL(/\/login/);

  // A new password set by the owner works, the old one no longer does.
  await team.getByText("Set a new password").click();
  await team.getByLabel("New password for Sam").fill("sam-second-password");
  await team.getByRole("button", { name: "Set", exact: true }).click();
  await expect(page.getByText("Password set")).toBeVisible();
  await signIn(sam, { ...member, password: "sam-second-password" }, withTenant("/login"));

  // Removed after a confirmation: signed out at once, and for good.
  await team.getByRole("link", { name: "Remove Sam" }).click();
  await team.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Team member removed")).toBeVisible();
  await expect(page.locator("[data-member='sam@bloom.test']")).toHaveCount(0);
  await sam.goto(withTenant("/admin"));
  await expect(sam).toHaveURL(/\/login/);
  await samContext.close();
});

test("titles, skip link, the booking link, unsaved changes, a holiday and a very long name", async ({
  page,
  request,
  baseURL,
}) => {
  await signIn(page, owner, withTenant("/login"));
  await expect(page).toHaveTitle("Calendar · Rendezvous");
  // A favicon, linked from the page (no /favicon.ico 404 on every page).
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect((await request.get(icon ?? "/missing")).status()).toBe(200);
  expect((await request.get("/favicon.ico")).headers()["content-type"]).toMatch(/icon/);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await expect(page.getByTestId("booking-link")).toHaveValue(`${baseURL}/?tenant=bloom`);
  await page.getByText("QR code to print for your counter").click();
  await expect(page.getByTestId("booking-qr").locator("svg")).toBeVisible();

  // Leaving the opening hours with changes not saved asks first.
  await page.goto(withTenant("/admin/availability"));
  await page.getByRole("button", { name: "Add a window – Monday" }).click();
  let asked = "";
  page.once("dialog", async (dialog) => {
    asked = dialog.message();
    await dialog.dismiss();
  });
  await page
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: "Services" })
    .click();
  expect(asked).toContain("not saved");
  await expect(page).toHaveURL(/\/admin\/availability/);

  // A two-week holiday in one step; customers see those days closed, with the reason.
  page.once("dialog", (dialog) => dialog.accept());
  await page.goto(withTenant("/admin/availability"));
  const from = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 34 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Closed from").fill(from);
  await page.getByLabel("to (optional, included)").fill(to);
  await page.getByLabel("Reason (optional, shown to customers)").last().fill("Winter break");
  await page.getByRole("button", { name: "Add these closed days" }).click();
  await expect(page.getByRole("textbox", { name: /Reason/ }).filter({ hasText: "" })).toHaveCount(
    15,
  );
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Opening hours saved.")).toBeVisible();
  await page.goto(onBloom(baseURL, "/"));
  await expect(page).toHaveTitle("Bloom Therapy & Co");
  await page
    .getByRole("link", { name: /^Book / })
    .first()
    .click();
  await expect(page).toHaveURL(/\/book\/[0-9a-f-]{36}$/);
  await page.goto(`${page.url()}?week=${from}`);
  await expect(page.getByText("Winter break").first()).toBeVisible();

  // A 182-character name without a space widens nothing, on the calendar or in the table.
  const services = await (
    await request.get("/api/appointments/activities/public", {
      headers: { "X-Tenant-Slug": "bloom" },
    })
  ).json();
  const slots = await (
    await request.get(
      `/api/appointments/availability/slots?activityId=${services.activities[0].id}&startDate=${new Date().toISOString().slice(0, 10)}&endDate=${new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10)}`,
      { headers: { "X-Tenant-Slug": "bloom" } },
    )
  ).json();
  const free = slots.slots.find((s: { available: boolean }) => s.available);
  const long = "W".repeat(182);
  const booked = await request.post("/api/appointments", {
    headers: { "X-Tenant-Slug": "bloom" },
    data: {
      activityId: services.activities[0].id,
      dateTime: free.dateTime,
      clientInfo: { name: long, email: "long@example.test" },
    },
  });
  expect(booked.status()).toBe(201);
  // The calendar opens on the business's current week (Monday first): a booking on Monday, made
  // while it is still Sunday in Chicago, is on the next one.
  const mondayOf = (instant: Date) => {
    const day = new Date(
      `${instant.toLocaleDateString("en-CA", { timeZone: "America/Chicago" })}T12:00:00Z`,
    );
    day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
    return day.toISOString().slice(0, 10);
  };
  const nextWeek = mondayOf(new Date(free.dateTime)) !== mondayOf(new Date());
  for (const path of ["/admin", "/admin/appointments"]) {
    await page.goto(withTenant(path));
    if (path === "/admin" && nextWeek)
      await page.getByRole("button", { name: "Next Week" }).click();
    await page.getByText(long.slice(0, 20)).first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(1280);
  }
  const table = page.locator("table").locator("..");
  const [scroll, client] = await table.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scroll).toBeLessThanOrEqual(client);
});
