import { expect, test } from "./fixtures";
import { apiKeyOf, screenshot, signIn } from "./support";

// A salon of several people ("nova", created from the CLI in e2e/serve.sh): the owner adds the
// team on the Team page, customers choose someone or nobody in particular, and two customers
// booking the same time with no preference get two different people.
test.describe.configure({ mode: "serial" });

const owner = { email: "owner@nova.test", password: "nova-owner-pass" };
const withTenant = (path: string) => `${path}${path.includes("?") ? "&" : "?"}tenant=nova`;
const onNova = (baseURL: string | undefined, path: string) =>
  `http://nova.localhost:${new URL(baseURL ?? "http://localhost:3107").port}${path}`;

let serviceId = "";
/** The Paris day of the two customers' bookings (test 2), for the team's day (test 3). */
let bookedDay = "";
/** The hour (Paris) of an empty, future time in Hugo's column that day (test 3). */
let freeHour = 14;
const parisDay = (instant: Date) =>
  instant.toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });

test.beforeAll(async ({ request }) => {
  const headers = { "X-Tenant-Slug": "nova", Authorization: `Bearer ${apiKeyOf("nova")}` };
  const week = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
    dayOfWeek,
    startTime: "09:00",
    endTime: "17:00",
  }));
  expect(
    (
      await request.put("/api/appointments/availability", {
        headers,
        data: { weeklySlots: week, exceptions: [] },
      })
    ).status(),
  ).toBe(200);
  const created = await request.post("/api/appointments/activities", {
    headers,
    data: { name: "Colour", durationMinutes: 60, price: 80 },
  });
  expect(created.status()).toBe(201);
  serviceId = (await created.json()).activity.id;
});

test("the owner builds a team of three on the Team page and sees it in the calendar", async ({
  page,
}, testInfo) => {
  await signIn(page, owner, withTenant("/login"));
  await page.getByRole("link", { name: "Team & places" }).click();
  // A business starts with its owner as its one staff member.
  await expect(page.getByTestId("staff-row")).toHaveCount(1);
  await expect(page.getByTestId("staff-row")).toContainText("Nora Owner");

  for (const name of ["Chloé", "Hugo"]) {
    await page.getByRole("link", { name: "Add a staff member" }).click();
    await page.getByLabel("Name", { exact: true }).fill(name);
    await expect(page.getByRole("checkbox", { name: "Colour" })).toBeChecked();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Staff member saved.")).toBeVisible();
  }
  // Chloé works her own hours: Tuesdays only.
  await page.getByRole("link", { name: "Edit Chloé" }).click();
  await page.getByLabel("Own hours").check();
  // Her days off are hers: their reason is not shown to customers, and the label says so.
  await expect(page.getByLabel("Reason (optional, private)").last()).toBeVisible();
  for (const day of ["Monday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) {
    await page.getByRole("button", { name: `Remove ${day} 1` }).click();
  }
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Staff member saved.")).toBeVisible();
  await page.goto(withTenant("/admin/team"));
  const rows = page.getByTestId("staff-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("Own hours");
  // Three people, three colours.
  const colours = await rows
    .locator("span[aria-hidden]")
    .evaluateAll((dots) => dots.map((d) => getComputedStyle(d).backgroundColor));
  expect(new Set(colours).size).toBe(3);
  await screenshot(page, testInfo, "team");

  // Removing someone asks first.
  await page.getByRole("link", { name: "Delete Hugo" }).click();
  await expect(page.getByText("Remove Hugo? Past appointments keep their name.")).toBeVisible();
  await page.getByRole("link", { name: "Keep" }).click();
  await expect(rows).toHaveCount(3);

  await page.getByRole("link", { name: "Calendar" }).click();
  await expect(page.getByRole("list", { name: "Staff colours" })).toContainText("Hugo");
  await page.getByRole("button", { name: "New appointment" }).click();
  const withWhom = page.getByLabel("With");
  await expect(withWhom.locator("option")).toHaveText([
    "No preference (whoever is free)",
    "Nora Owner",
    "Chloé",
    "Hugo",
  ]);
});

test("customers choose someone or no preference; two at the same time get two people", async ({
  browser,
  baseURL,
}, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto(onNova(baseURL, `/book/${serviceId}`));
  const choice = page.getByRole("navigation", { name: "With whom?" });
  await expect(choice.getByRole("link")).toHaveText([
    "No preference(the first one free)",
    "Nora Owner",
    "Chloé",
    "Hugo",
  ]);
  await expect(choice.getByRole("link", { name: /No preference/ })).toHaveAttribute(
    "aria-current",
    "true",
  );
  await choice.getByRole("link", { name: "Hugo" }).click();
  await expect(choice.getByRole("link", { name: "Hugo" })).toHaveAttribute("aria-current", "true");
  const firstSlot = page.locator("[data-week-slots] a[href*='/details']").first();
  const href = (await firstSlot.getAttribute("href")) ?? "";
  expect(href).toContain("staff=");
  await firstSlot.click();
  await expect(page.getByText("With", { exact: true })).toBeVisible();
  await expect(page.locator("dd", { hasText: "Hugo" })).toBeVisible();
  await page.getByLabel("Full name").fill("Ana Lopez");
  await page.getByLabel("Email address").fill("ana@example.com");
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page).toHaveURL(/\/manage\//);
  await expect(page.locator("dd", { hasText: "Hugo" })).toBeVisible();
  await screenshot(page, testInfo, "booked-with-hugo");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // The same time with no preference: Hugo is taken, someone else is free.
  const at = new URL(href, "http://x").searchParams.get("at") ?? "";
  bookedDay = parisDay(new Date(at));
  // Ana's booking is the first free slot, so its time depends on when the suite runs: the walk-in
  // click of test 3 lands after it (14:00 at the earliest), on an empty time still to come.
  const anaHour = Number(
    new Date(at).toLocaleTimeString("en-GB", { timeZone: "Europe/Paris", hour: "2-digit" }),
  );
  freeHour = Math.max(14, anaHour + 3);
  await page.goto(onNova(baseURL, `/book/${serviceId}/details?at=${encodeURIComponent(at)}`));
  await expect(page.getByText("The first one free (no preference)")).toBeVisible();
  await page.getByLabel("Full name").fill("Ben Roy");
  await page.getByLabel("Email address").fill("ben@example.com");
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page).toHaveURL(/\/manage\//);
  const withRow = page.locator("dt", { hasText: "With" }).locator("xpath=following-sibling::dd[1]");
  await expect(withRow).not.toHaveText("Hugo");
  await expect(withRow).toHaveText(/Nora Owner|Chloé/);
  await context.close();
});

test("the owner sees the team's day side by side, each booking in its person's column", async ({
  page,
}, testInfo) => {
  await signIn(page, owner, withTenant("/login"));
  await page.getByRole("button", { name: "Team day, side by side" }).click();
  const day = page.getByTestId("team-day");
  await expect(day.getByRole("region")).toHaveCount(3);
  const ahead = Math.round(
    (Date.parse(`${bookedDay}T12:00:00Z`) - Date.parse(`${parisDay(new Date())}T12:00:00Z`)) /
      86_400_000,
  );
  for (let i = 0; i < ahead; i++) await day.getByRole("button", { name: "Next day" }).click();
  const hugo = day.getByRole("region", { name: "Hugo" });
  await expect(hugo).toContainText("Ana Lopez");
  await expect(hugo).not.toContainText("Ben Roy");
  await expect(
    day.getByRole("region", { name: /Nora Owner|Chloé/ }).filter({ hasText: "Ben Roy" }),
  ).toHaveCount(1);
  // Each column shows its person's hours: Chloé works Tuesdays only.
  const tuesday = new Date(`${bookedDay}T12:00:00Z`).getUTCDay() === 2;
  await expect(hugo.locator(".rv-open-hours")).toHaveCount(1);
  await expect(day.getByRole("region", { name: "Chloé" }).locator(".rv-open-hours")).toHaveCount(
    tuesday ? 1 : 0,
  );
  await screenshot(page, testInfo, "team-day");
  // A click in Hugo's column offers a walk-in with Hugo.
  const hh = String(freeHour).padStart(2, "0");
  await hugo.locator(`[data-time="${hh}:00:00"]`).last().scrollIntoViewIfNeeded();
  const column = await hugo.locator(`[role=cell][data-date="${bookedDay}"]`).last().boundingBox();
  const lane = await hugo.locator(`[data-time="${hh}:00:00"]`).last().boundingBox();
  if (!column || !lane) throw new Error(`no ${hh}:00 in Hugo's column`);
  await page.mouse.click(column.x + column.width / 2, lane.y + 4);
  await expect(page.getByLabel("With").locator("option:checked")).toHaveText("Hugo");
  await expect(page.getByLabel(/^Start \(\S+ time\) \*$/)).toHaveValue(`${bookedDay}T${hh}:00`);
});
