import { expect, test } from "./fixtures";
import { apiKeyOf, expectAccessible, screenshot, signIn } from "./support";

// A Paris salon with a Montréal branch: the times of a booking there are on Montréal's clock
// wherever a customer reads them, and the owner's Paris week shows it at its real instant, named.
const at = (baseURL: string | undefined, path: string) =>
  `http://rivegauche.localhost:${new URL(baseURL ?? "http://localhost:3107").port}${path}`;
const headers = {
  Authorization: `Bearer ${apiKeyOf("rivegauche")}`,
  "X-Tenant-Slug": "rivegauche",
};
const owner = { email: "owner@rivegauche.test", password: "rivegauche-owner-pass" };
const week = (locationId: string, startTime: string, endTime: string) =>
  [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startTime, endTime, locationId }));

/** "YYYY-MM-DD" of an instant on a zone's clock, and its Monday (as an instant's day number). */
const dayIn = (instant: number, timeZone: string) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone }).format(instant);
const mondayNumber = (day: string) => {
  const d = new Date(`${day}T12:00:00Z`);
  return Math.round((d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000) / (7 * 86_400_000));
};

test("a Montréal booking: 23:00 in the owner's Paris week labelled 17:00 Montréal, and Montréal time for its customer", async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  const [paris] = (await (await request.get("/api/locations", { headers })).json()).locations;
  const montreal = await request.post("/api/locations", {
    headers,
    data: { name: "Montréal", timeZone: "America/Montreal", contactPhone: "+1 514 555 0100" },
  });
  expect(montreal.status()).toBe(201);
  const place = (await montreal.json()).location;
  const service = await request.post("/api/appointments/activities", {
    headers,
    data: { name: "Coupe", durationMinutes: 60, reminderSettings: { enabled: false } },
  });
  const activity = (await service.json()).activity;
  const ines = await request.post("/api/staff", {
    headers,
    data: {
      name: "Inès",
      activityIds: [activity.id],
      weeklySlots: [...week(paris.id, "09:00", "12:00"), ...week(place.id, "10:00", "19:00")],
    },
  });
  expect(ines.status()).toBe(201);
  const stylist = (await ines.json()).staff;

  // 17:00 in Montréal, three days from now, booked by a customer on the API.
  const day = dayIn(Date.now() + 3 * 86_400_000, "America/Montreal");
  const booked = await request.post("/api/appointments", {
    headers: { "X-Tenant-Slug": "rivegauche" },
    data: {
      activityId: activity.id,
      staffId: stylist.id,
      locationId: place.id,
      dateTime: `${day}T17:00:00`,
      clientInfo: { name: "Léa Tremblay", email: "lea@example.ca" },
    },
  });
  expect(booked.status()).toBe(201);
  const appointment = (await booked.json()).appointment;
  const start = Date.parse(appointment.dateTime);
  expect(
    new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", timeStyle: "short" }).format(
      start,
    ),
  ).toBe("23:00");

  // The owner's week, in Paris time: the booking sits at 23:00 and names its Montréal time.
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    if (width === 1280) await signIn(page, owner, at(baseURL, "/login"));
    else await page.goto(at(baseURL, "/admin"));
    const today = dayIn(Date.now(), "Europe/Paris");
    const parisDay = dayIn(start, "Europe/Paris");
    const weeks = mondayNumber(parisDay) - mondayNumber(today);
    if (width === 375) {
      // A phone shows one day: move to the booking's.
      const days = Math.round(
        (Date.parse(`${parisDay}T12:00:00Z`) - Date.parse(`${today}T12:00:00Z`)) / 86_400_000,
      );
      for (let i = 0; i < days; i++) await page.getByRole("button", { name: "Suivant" }).click();
    } else {
      for (let i = 0; i < weeks; i++) await page.getByRole("button", { name: "Suivant" }).click();
    }
    const event = page.locator("[role=button]", { hasText: "Léa Tremblay" });
    await expect(event).toBeVisible();
    await expect(event).toContainText("23:00");
    await expect(event).toContainText("(17:00 Montréal)");
    await screenshot(page, testInfo, `week-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page);

  // The customer's confirmation, in the outbox: Montréal time, named, and Montréal's phone.
  const row = page
    .locator("li", { hasText: "lea@example.ca" })
    .filter({ hasText: "Demande reçue" })
    .first();
  await expect(async () => {
    await page.goto(at(baseURL, "/admin/messages"));
    await expect(row).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await row.getByText("Voir le message").click();
  const text = row.locator("pre").first();
  await expect(text).toContainText("à 17:00 (heure de Montréal)");
  await expect(text).toContainText("+1 514 555 0100");
  const manage = /\/manage\/[\w-]+/.exec((await text.textContent()) ?? "")?.[0];
  expect(manage).toBeTruthy();

  // The customer's page: every time on Montréal's clock, each named.
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(at(baseURL, manage ?? ""));
    await expect(page.getByText(/à 17:00 \(heure de Montréal\)/).first()).toBeVisible();
    await expect(
      page.getByText(/Vous pouvez annuler en ligne jusqu.* \(heure de Montréal\)/),
    ).toBeVisible();
    await expect(page.getByTestId("business-contact")).toContainText("+1 514 555 0100");
    await expectAccessible(page);
    await screenshot(page, testInfo, `customer-${width}`);
  }
});
