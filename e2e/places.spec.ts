import { expect, test } from "./fixtures";
import { apiKeyOf, expectAccessible, screenshot, signIn } from "./support";

// A yoga studio ("lumen", created from the CLI in e2e/serve.sh): the owner adds a studio room and
// an online location on the Team & places page, makes a class of four places and schedules a
// session; a customer chooses the place, sees the places left and books one; the owner opens the
// session's attendee list from the calendar. On a phone, a video session's customer gets their
// own meeting link on the manage page and in the calendar file.
test.describe.configure({ mode: "serial" });

const owner = { email: "owner@lumen.test", password: "lumen-owner-pass" };
const onLumen = (baseURL: string | undefined, path: string) =>
  `http://lumen.localhost:${new URL(baseURL ?? "http://localhost:3107").port}${path}`;
const admin = () => ({ "X-Tenant-Slug": "lumen", Authorization: `Bearer ${apiKeyOf("lumen")}` });
const tomorrow = () =>
  new Date(Date.now() + 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });

test.beforeAll(async ({ request }) => {
  const week = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
    dayOfWeek,
    startTime: "08:00",
    endTime: "21:00",
  }));
  const hours = await request.put("/api/appointments/availability", {
    headers: admin(),
    data: { weeklySlots: week, exceptions: [] },
  });
  expect(hours.status()).toBe(200);
});

test("the owner adds a room, an online location and a class, and sees its attendees", async ({
  page,
  baseURL,
}, testInfo) => {
  await signIn(page, owner, onLumen(baseURL, "/login"));
  await page.getByRole("link", { name: "Team & places" }).click();
  // With one location, the page only offers a second one.
  await expect(page.getByText("Everything happens at one address.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Locations" })).toHaveCount(0);
  await page.getByRole("link", { name: "Add a resource" }).click();
  await page.getByLabel("Name").fill("Sun room");
  await page.getByLabel("Kind").fill("Studio");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Resource saved.");
  await expect(page.getByTestId("resource-row")).toContainText("Sun room");

  await page.getByRole("link", { name: "Add another place" }).click();
  await page.getByLabel("Name").fill("Online");
  await page.getByLabel("Online: sessions by video").check();
  // A name is required: the form says so before sending anything.
  await page.getByLabel("Name").fill("");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByLabel("Name")).toBeFocused();
  await page.getByLabel("Name").fill("Online");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Location saved.");
  await expect(page.getByTestId("location-row")).toHaveCount(2);
  await expectAccessible(page);
  await screenshot(page, testInfo, "team-and-places");

  await page.goto(onLumen(baseURL, "/admin/activities/new"));
  await page.getByLabel("Name", { exact: true }).fill("Vinyasa");
  await page.getByLabel("Duration (minutes)").fill("60");
  await page.getByLabel("Needs a resource of the kind").fill("Studio");
  await page.getByLabel("Places per session").fill("4");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Service saved.");
  // The list says what kind of service it is.
  await expect(page.getByRole("listitem").filter({ hasText: "Vinyasa" })).toContainText(
    "class, 4 places a session · needs a resource: Studio",
  );
  await page.getByRole("link", { name: "Edit Vinyasa" }).click();
  await page.getByLabel("Date").fill(tomorrow());
  await page.getByLabel("Time", { exact: true }).fill("18:00");
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByRole("status")).toHaveText("1 session scheduled.");
  await expect(page.getByText("0 of 4 booked")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, "class-sessions");

  // A customer, on the subdomain: the place first, then the class with its places left.
  const customer = await page
    .context()
    .browser()
    ?.newPage({ viewport: { width: 1280, height: 900 } });
  if (!customer) throw new Error("no browser");
  await customer.goto(onLumen(baseURL, "/"));
  await expect(
    customer.getByRole("heading", { name: "Where would you like to come?" }),
  ).toBeVisible();
  await customer.getByRole("link", { name: "Choose Lumen Yoga" }).click();
  await customer.getByRole("link", { name: "Book Vinyasa" }).click();
  const slot = customer.getByRole("link", { name: /6:00 PM, 4 places left/ });
  await expect(slot).toBeVisible();
  await slot.click();
  await customer.getByLabel("Full name").fill("Maya Lopez");
  await customer.getByLabel("Email address").fill("maya@example.com");
  await customer.getByRole("button", { name: "Confirm booking" }).click();
  await expect(customer).toHaveURL(/\/manage\//);
  await expect(customer.getByText("A place in a class cannot be moved")).toBeVisible();
  await customer.goBack();
  await customer.goto(onLumen(baseURL, "/"));
  await customer.getByRole("link", { name: "Choose Lumen Yoga" }).click();
  await customer.getByRole("link", { name: "Book Vinyasa" }).click();
  await expect(customer.getByRole("link", { name: /6:00 PM, 3 places left/ })).toBeVisible();
  await customer.close();

  // The owner's calendar shows the session once; it opens the attendee list.
  await page.goto(onLumen(baseURL, "/admin"));
  await expect(page.getByLabel("Location")).toBeVisible();
  await expect(page.getByLabel("Resource")).toBeVisible();
  // The week view opens on this week: tomorrow is in the next one when it is a Monday (and the
  // events load after the page, so the week is chosen by the date, not by what shows yet).
  if (new Date(`${tomorrow()}T12:00:00Z`).getUTCDay() === 1) {
    await page.getByRole("button", { name: "Next Week" }).click();
  }
  await expect(page.locator(".rv-class").first()).toContainText("1/4");
  await page.locator(".rv-class").first().click();
  await expect(page).toHaveURL(/\/admin\/classes\//);
  await expect(page.getByTestId("attendee")).toContainText("Maya Lopez");
  await expect(page.getByText("1 of 4 booked")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, "attendees");
});

test("a video session's customer on a phone gets their own meeting link", async ({
  page,
  baseURL,
  request,
}, testInfo) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const { locations } = await (await request.get("/api/locations", { headers: admin() })).json();
  const online = locations.find((l: { online: boolean }) => l.online);
  expect(online).toBeTruthy();
  const service = await request.post("/api/appointments/activities", {
    headers: admin(),
    data: { name: "Video check-in", durationMinutes: 30 },
  });
  const activityId = (await service.json()).activity.id;
  const coach = await request.post("/api/staff", {
    headers: admin(),
    data: { name: "Omar Coach", locationId: online.id, activityIds: [activityId] },
  });
  expect(coach.status()).toBe(201);

  await page.goto(onLumen(baseURL, "/"));
  await page.getByRole("link", { name: "Choose Online" }).click();
  await page.getByRole("link", { name: "Book Video check-in" }).click();
  await page.locator(`a[href*="/details"]`).first().click();
  await page.getByLabel("Full name").fill("Noor Haddad");
  await page.getByLabel("Email address").fill("noor@example.com");
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page).toHaveURL(/\/manage\//);
  const link = page.getByTestId("meeting-url");
  await expect(link).toHaveText(/^https:\/\/meet\.jit\.si\/Rendezvous-[0-9a-f]{24}$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
  await expectAccessible(page);
  await screenshot(page, testInfo, "meeting-link");
  const url = (await link.textContent()) ?? "";
  const ics = await request.get(`${new URL(page.url()).pathname}/booking.ics`, {
    headers: { "X-Tenant-Slug": "lumen" },
  });
  const file = (await ics.text()).replace(/\r\n /g, "");
  expect(file).toContain(url);
  // Nobody else sees it: not the public slots.
  const slots = await request.get(
    `/api/appointments/availability/slots?activityId=${activityId}&startDate=${tomorrow()}&endDate=${tomorrow()}`,
    { headers: { "X-Tenant-Slug": "lumen" } },
  );
  expect(await slots.text()).not.toContain("Rendezvous-");
});
