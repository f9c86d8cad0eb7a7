import { type APIRequestContext, expect, type Page, test } from "./fixtures";
import { apiKeyOf, expectAccessible, screenshot } from "./support";

// The customer's journey through the real server, one business per concern so that the specs
// running in the other worker never change what these see. Each journey books in its own week.
type Business = "demo" | "studio" | "allday" | "quiet";

test.describe.configure({ mode: "serial" });

const urlOf = (business: Business, baseURL: string | undefined, path = "/") => {
  const base = new URL(baseURL ?? "http://localhost:3107");
  return `http://${business}.localhost:${base.port}${path}`;
};

/** Monday of the week `weeks` from now, as the booking page's ?week= wants it. */
function mondayIn(weeks: number): string {
  const day = new Date(Date.now() + weeks * 7 * 86_400_000);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

function admin(request: APIRequestContext, business: Business) {
  const headers = { Authorization: `Bearer ${apiKeyOf(business)}`, "X-Tenant-Slug": business };
  return {
    async createActivity(overrides: Record<string, unknown> = {}) {
      const response = await request.post("/api/appointments/activities", {
        headers,
        data: {
          name: `Soin ${Math.random().toString(36).slice(2, 7)}`,
          description: "Un moment pour soi.",
          durationMinutes: 60,
          color: "#0d9488",
          price: 42.5,
          requiredFields: {
            phone: false,
            address: false,
            customField: false,
            customFieldLabel: null,
          },
          reminderSettings: { enabled: false, hoursBefore: null },
          minimumBookingNoticeHours: 0,
          ...overrides,
        },
      });
      expect(response.status()).toBe(201);
      return (await response.json()).activity as { id: string; name: string };
    },
    async openEveryDay(startTime: string, endTime: string) {
      const response = await request.put("/api/appointments/availability", {
        headers,
        data: {
          weeklySlots: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
            dayOfWeek,
            startTime,
            endTime,
          })),
          exceptions: [],
        },
      });
      expect(response.status()).toBe(200);
    },
    async setModule(enabled: boolean) {
      const response = await request.put("/api/settings/appointment-module", {
        headers,
        data: { enabled },
      });
      expect(response.status()).toBe(200);
    },
    async appointmentsOf(activityId: string) {
      const response = await request.get("/api/appointments", { headers });
      const { appointments } = await response.json();
      return (
        appointments as {
          activityId: string;
          dateTime: string;
          status: string;
          clientInfo: { email: string; phone: string | null };
        }[]
      ).filter((a) => a.activityId === activityId);
    },
    async isFree(activityId: string, dateTime: string) {
      const day = dateTime.slice(0, 10);
      const response = await request.get(
        `/api/appointments/availability/slots?activityId=${activityId}&startDate=${day}T00:00:00Z&endDate=${day}T23:59:59Z`,
        { headers },
      );
      const { slots } = await response.json();
      return slots.some(
        (s: { dateTime: string; available: boolean }) => s.dateTime === dateTime && s.available,
      );
    },
  };
}

/** Fills in the details form's two fields, in either language, and sends it. */
async function submitDetails(page: Page, name: string, email: string) {
  await page.getByLabel(/Nom complet|Full name/).fill(name);
  await page.getByLabel(/Adresse e-mail|Email address/).fill(email);
  await page.getByRole("button", { name: /Confirmer la réservation|Confirm booking/ }).click();
}

/** The first offered time of the week shown; its link carries the instant. */
async function pickFirstTime(page: Page): Promise<string> {
  const slot = page.locator('a[href*="details?at="]:visible').first();
  const href = (await slot.getAttribute("href")) ?? "";
  await slot.click();
  await expect(page).toHaveURL(/\/details\?at=/);
  return new URL(href, "http://x").searchParams.get("at") ?? "";
}

test("a new customer books in French: business page, week, details with errors, confirmation, .ics", async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  const api = admin(request, "demo");
  const activity = await api.createActivity({
    requiredFields: {
      phone: true,
      address: false,
      customField: true,
      customFieldLabel: "Type de peau",
    },
  });

  await page.goto(urlOf("demo", baseURL));
  await expect(page.getByRole("heading", { level: 1, name: "Réserver en ligne" })).toBeVisible();
  const card = page.getByRole("listitem").filter({ hasText: activity.name });
  await expect(card).toContainText("42,50 €");
  await expect(card).toContainText("1 h");
  await expectAccessible(page);
  await screenshot(page, testInfo, "1-business");

  await card.getByRole("link", { name: `Réserver ${activity.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: activity.name })).toBeVisible();
  await expect(page.getByText("Horaires à l'heure de Paris.")).toBeVisible();
  await page.goto(`${page.url()}?week=${mondayIn(3)}`);
  // Demo closes on Sundays and Mondays: those days are shown closed, not merely without a time.
  await expect(page.getByText("Fermé", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Aucun horaire libre")).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, testInfo, "2-week");

  const at = await pickFirstTime(page);
  await page.getByRole("button", { name: "Confirmer la réservation" }).click();
  await expect(page.getByText("Merci de corriger les champs signalés.")).toBeVisible();
  await expect(page.getByText("Merci de remplir ce champ.")).toHaveCount(4);
  await submitDetails(page, "Léa Dupont", "pas-un-email");
  await expect(page.getByText("Merci de saisir une adresse e-mail valide.")).toBeVisible();
  // What was typed is kept.
  await expect(page.getByLabel(/Nom complet/)).toHaveValue("Léa Dupont");
  await expect(page.getByLabel(/Type de peau/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, "3-details-errors");

  await page.getByLabel(/Adresse e-mail/).fill("lea@example.fr");
  await page.getByLabel(/Téléphone/).fill("+33 6 12 34 56 78");
  await page.getByLabel(/Type de peau/).fill("Sensible");
  await page.getByRole("button", { name: "Confirmer la réservation" }).click();
  await expect(page).toHaveURL(/\/manage\/[A-Za-z0-9_-]{43}\?booked=1/);
  await expect(page.getByText("Votre réservation est enregistrée")).toBeVisible();
  await expect(page.getByText("En attente de confirmation")).toBeVisible();
  await expect(page.getByText("42,50 €")).toBeVisible();
  await expect(page.getByText("Salon Démo, 12 rue des Lilas")).toBeVisible();
  await expect(page.getByTestId("business-contact")).toContainText("12 rue des Lilas");
  await expectAccessible(page);
  await screenshot(page, testInfo, "4-confirmation");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Ajouter à mon agenda (.ics)" }).click(),
  ]);
  const ics = await (await download.createReadStream()).toArray();
  const file = Buffer.concat(ics).toString("utf8");
  expect(file).toContain(`DTSTART:${at.replace(/[-:]/g, "").slice(0, 15)}Z`);
  expect(file).toContain(activity.name);

  const [booked] = await api.appointmentsOf(activity.id);
  expect(booked).toMatchObject({
    dateTime: new Date(at).toISOString(),
    status: "pending",
    clientInfo: { email: "lea@example.fr", phone: "+33 6 12 34 56 78" },
  });
});

test("an English customer books on a 375 px phone, switching to their own time zone", async ({
  browser,
  request,
  baseURL,
}, testInfo) => {
  const api = admin(request, "studio");
  await api.openEveryDay("09:00", "17:00");
  const activity = await api.createActivity({ name: "Deep tissue massage", price: 80 });
  const context = await browser.newContext({
    viewport: { width: 375, height: 800 },
    timezoneId: "Europe/London",
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();

  await page.goto(urlOf("studio", baseURL));
  await expect(page.getByRole("heading", { level: 1, name: "Book online" })).toBeVisible();
  await expect(page.getByText("€80.00")).toBeVisible();
  await page.getByRole("link", { name: `Book ${activity.name}` }).click();
  await expect(page.getByText("Times are shown in New York time.")).toBeVisible();
  await page.goto(`${page.url()}?week=${mondayIn(2)}`);
  // One day at a time on a phone; the page is no wider than the screen.
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);
  // English times have no leading zero.
  await expect(page.locator('a[href*="details?at="]:visible').first()).toHaveText(/^9:00 AM/);
  await screenshot(page, testInfo, "1-week-new-york");

  await page.getByRole("link", { name: "Show times in my time zone (London)" }).click();
  await expect(page.getByText("Times are shown in London time.")).toBeVisible();
  await expect(page.locator('a[href*="details?at="]:visible').first()).toHaveText(
    /^2:00 PM|^14:00/,
  );
  await expectAccessible(page);
  await screenshot(page, testInfo, "2-week-london");

  const at = await pickFirstTime(page);
  await page.getByLabel(/Full name/).fill("Sam Lee");
  await page.getByLabel(/Email address/).fill("sam@example.com");
  await screenshot(page, testInfo, "3-details");
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByText("Your booking is registered")).toBeVisible();
  // Both zones are named on the confirmation.
  await expect(page.getByText(/^\w+, \w+ \d+, \d{4} at .* \(London time\)$/)).toBeVisible();
  // The deadlines too are on the clock the page is read in, and say so.
  await expect(page.getByText(/You can cancel online until .* \(London time\)/)).toBeVisible();
  await expect(page.getByText(/New York time/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, "4-confirmation");
  expect((await api.appointmentsOf(activity.id))[0]?.dateTime).toBe(new Date(at).toISOString());
  await context.close();
});

test("a time taken meanwhile shows a clear message and other times, keeping the details", async ({
  browser,
  request,
  baseURL,
}, testInfo) => {
  const api = admin(request, "demo");
  const activity = await api.createActivity();
  const [firstContext, secondContext] = [await browser.newContext(), await browser.newContext()];
  const first = await firstContext.newPage();
  const second = await secondContext.newPage();
  const weekUrl = urlOf("demo", baseURL, `/book/${activity.id}?week=${mondayIn(4)}`);

  await first.goto(weekUrl);
  const at = await pickFirstTime(first);
  await first.getByLabel(/Nom complet/).fill("Premier Client");
  await first.getByLabel(/Adresse e-mail/).fill("premier@example.fr");

  await second.goto(weekUrl);
  expect(await pickFirstTime(second)).toBe(at);
  await submitDetails(second, "Second Client", "second@example.fr");
  await expect(second.getByText("Votre réservation est enregistrée")).toBeVisible();

  await first.getByRole("button", { name: "Confirmer la réservation" }).click();
  await expect(first.getByText(/vient d'être réservé par quelqu'un d'autre/)).toBeVisible();
  const alternatives = first.getByRole("radio");
  expect(await alternatives.count()).toBeGreaterThan(0);
  await expect(first.getByLabel(/Nom complet/)).toHaveValue("Premier Client");
  await expectAccessible(first);
  await screenshot(first, testInfo, "slot-taken");

  await alternatives.first().check();
  await first.getByRole("button", { name: "Confirmer la réservation" }).click();
  await expect(first.getByText("Votre réservation est enregistrée")).toBeVisible();
  const booked = await api.appointmentsOf(activity.id);
  expect(booked.map((a) => a.clientInfo.email).sort()).toEqual([
    "premier@example.fr",
    "second@example.fr",
  ]);
  expect(new Set(booked.map((a) => a.dateTime)).size).toBe(2);
  await firstContext.close();
  await secondContext.close();
});

test("a form sent again, from Back or a second tab, books once and shows the booking it made", async ({
  page,
  request,
  baseURL,
}) => {
  const api = admin(request, "demo");
  const activity = await api.createActivity();
  await page.goto(urlOf("demo", baseURL, `/book/${activity.id}?week=${mondayIn(5)}`));
  await pickFirstTime(page);
  await submitDetails(page, "Deux Fois", "deuxfois@example.fr");
  await expect(page.getByText("Votre réservation est enregistrée")).toBeVisible();
  const manage = page.url();

  // Back to the filled-in form, and send it again.
  await page.goBack();
  await expect(page).toHaveURL(/\/details\?at=/);
  await submitDetails(page, "Deux Fois", "deuxfois@example.fr");
  await expect(page).toHaveURL(manage);
  expect((await api.appointmentsOf(activity.id)).map((a) => a.clientInfo.email)).toEqual([
    "deuxfois@example.fr",
  ]);
});

test("a customer books two services back to back in one visit from the business page", async ({
  page,
  request,
  baseURL,
}) => {
  const api = admin(request, "demo");
  // Listed by name: the cut comes first, so it is first in the visit.
  const tag = Math.random().toString(36).slice(2, 7);
  const cut = await api.createActivity({ name: `Visite A ${tag}`, durationMinutes: 30 });
  const colour = await api.createActivity({ name: `Visite B ${tag}`, durationMinutes: 60 });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(urlOf("demo", baseURL));
  await page.getByRole("checkbox", { name: cut.name }).check();
  await page.getByRole("checkbox", { name: colour.name }).check();
  await page.getByRole("button", { name: "Voir les horaires" }).click();
  await expect(page.getByTestId("visit-services")).toContainText(`${cut.name} + ${colour.name}`);
  const slot = page.locator('a[href*="/visit/details?"]:visible').first();
  await slot.click();
  await expect(page.getByTestId("visit-parts")).toContainText(colour.name);
  await submitDetails(page, "Deux Soins", "deuxsoins@example.fr");
  await expect(page.getByText("Votre réservation est enregistrée")).toBeVisible();
  const [first] = await api.appointmentsOf(cut.id);
  const [second] = await api.appointmentsOf(colour.id);
  expect(first?.clientInfo.email).toBe("deuxsoins@example.fr");
  expect(Date.parse(second?.dateTime ?? "") - Date.parse(first?.dateTime ?? "")).toBe(30 * 60_000);
});

test("the manage link moves then cancels a booking inside the policy window, freeing the times", async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  const api = admin(request, "demo");
  const activity = await api.createActivity();
  await page.goto(urlOf("demo", baseURL, `/book/${activity.id}?week=${mondayIn(5)}`));
  const at = await pickFirstTime(page);
  await submitDetails(page, "Jules Martin", "jules@example.fr");
  await expect(page.getByText("Votre réservation est enregistrée")).toBeVisible();
  const manageUrl = page.url().split("?")[0] ?? "";
  expect(await api.isFree(activity.id, new Date(at).toISOString())).toBe(false);

  await page.getByRole("link", { name: "Déplacer à un autre horaire" }).click();
  await expect(page.getByRole("heading", { name: "Déplacer votre réservation" })).toBeVisible();
  // The present time is marked, not offered.
  await page.goto(
    `${page.url()}?week=${mondayIn(5)}&day=${new Date(at).toISOString().slice(0, 10)}`,
  );
  await expect(page.getByText("(actuel)").first()).toBeVisible();
  await expect(
    page.locator(`a[href*="at=${encodeURIComponent(new Date(at).toISOString())}"]`),
  ).toHaveCount(0);
  await page.goto(`${page.url().split("?")[0]}?week=${mondayIn(6)}`);
  const target = page.locator('a[href*="reschedule?"][href*="at="]:visible').first();
  const newAt =
    new URL((await target.getAttribute("href")) ?? "", "http://x").searchParams.get("at") ?? "";
  await target.click();
  // The chosen time is highlighted.
  await expect(page.locator('a[aria-current="true"][href*="at="]')).toHaveCount(1);
  await expectAccessible(page);
  await screenshot(page, testInfo, "1-reschedule-confirm");
  await page.getByRole("button", { name: "Déplacer ma réservation" }).click();
  await expect(page.getByText("Votre réservation a été déplacée.")).toBeVisible();
  expect(await api.isFree(activity.id, new Date(at).toISOString())).toBe(true);
  expect(await api.isFree(activity.id, newAt)).toBe(false);
  await screenshot(page, testInfo, "2-moved");

  await page.getByRole("link", { name: "Annuler la réservation" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Annuler cette réservation ?");
  await expectAccessible(page);
  await screenshot(page, testInfo, "3-cancel-confirm");
  await page.getByRole("button", { name: "Oui, annuler" }).click();
  await expect(page.getByText("Votre réservation est annulée.")).toBeVisible();
  await expect(page.getByText("Annulé", { exact: true })).toBeVisible();
  expect(await api.isFree(activity.id, newAt)).toBe(true);
  await screenshot(page, testInfo, "4-cancelled");

  // The link still shows the booking, with nothing left to change, said once; its calendar file
  // now removes the event.
  await page.goto(manageUrl);
  await expect(page.getByText("Cette réservation ne peut plus être modifiée.")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Annuler la réservation" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Retirer de mon agenda (.ics)" })).toBeVisible();
});

test("inside the notice windows the buttons are off and say why", async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  const api = admin(request, "allday");
  await api.openEveryDay("00:00", "24:00");
  const activity = await api.createActivity({ durationMinutes: 15 });
  await page.goto(urlOf("allday", baseURL, `/book/${activity.id}`));
  // The second free time starts 15-30 minutes from now: inside both windows, and not so close
  // that it passes while the form is filled.
  await page.locator('a[href*="details?at="]:visible').nth(1).click();
  await expect(page).toHaveURL(/\/details\?at=/);
  await submitDetails(page, "Late Larry", "larry@example.com");
  await expect(page.getByText("Your booking is registered")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel booking" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Move to another time" })).toBeDisabled();
  await expect(
    page.getByText(/Online cancellation closed on .* \(24 h before the start\)/),
  ).toBeVisible();
  await expect(
    page.getByText(/Online changes closed on .* \(2 h before the start\)/),
  ).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, "policy-closed");

  // Going to the reschedule page directly changes nothing either.
  const token = new URL(page.url()).pathname.split("/")[2];
  await page.goto(urlOf("allday", baseURL, `/manage/${token}/reschedule`));
  await expect(page.getByText(/too late to change this booking online/)).toBeVisible();
  expect((await api.appointmentsOf(activity.id))[0]?.status).toBe("pending");
});

test("with online booking switched off, every public page says so politely", async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  const api = admin(request, "quiet");
  await api.openEveryDay("09:00", "17:00");
  const activity = await api.createActivity();
  await api.setModule(false);
  try {
    // (A booking's own page still shows it: see first-hour.spec.ts.)
    for (const path of [
      "/",
      `/book/${activity.id}`,
      `/book/${activity.id}/details?at=2030-01-01T10:00:00Z`,
    ]) {
      await page.goto(urlOf("quiet", baseURL, path));
      await expect(
        page.getByRole("heading", {
          name: "La réservation en ligne est momentanément indisponible",
        }),
      ).toBeVisible();
      await expect(
        page.getByText("Quiet Clinic ne prend pas de réservations en ligne"),
      ).toBeVisible();
      await expect(page.locator('a[href*="/book/"], form')).toHaveCount(0);
    }
    await expectAccessible(page);
    await screenshot(page, testInfo, "module-off");
  } finally {
    await api.setModule(true);
  }
  await page.goto(urlOf("quiet", baseURL));
  await expect(page.getByRole("link", { name: `Réserver ${activity.name}` })).toBeVisible();
});

test("a customer books with the keyboard alone, and without JavaScript", async ({
  browser,
  request,
  baseURL,
}, testInfo) => {
  const api = admin(request, "demo");
  const activity = await api.createActivity();

  const page = await browser.newPage();
  await page.goto(urlOf("demo", baseURL, `/book/${activity.id}?week=${mondayIn(7)}`));
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const href = await page.evaluate(() => document.activeElement?.getAttribute("href") ?? "");
    if (href.includes("details?at=")) break;
  }
  const outline = await page.evaluate(
    () => getComputedStyle(document.activeElement as Element).outlineStyle,
  );
  expect(outline).not.toBe("none");
  await screenshot(page, testInfo, "1-keyboard-focus");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/details\?at=/);
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.id === "field-name")) break;
  }
  await page.keyboard.type("Clavier Seul");
  await page.keyboard.press("Tab");
  await page.keyboard.type("clavier@example.fr");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Votre réservation est enregistrée")).toBeVisible();
  await page.close();

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(urlOf("demo", baseURL, `/book/${activity.id}?week=${mondayIn(8)}`));
  await pickFirstTime(plain);
  await plain.getByRole("button", { name: "Confirmer la réservation" }).click();
  await expect(plain.getByText("Merci de corriger les champs signalés.")).toBeVisible();
  await submitDetails(plain, "Sans Script", "sans@example.fr");
  await expect(plain.getByText("Votre réservation est enregistrée")).toBeVisible();
  await plain.getByRole("link", { name: "Annuler la réservation" }).click();
  await plain.getByRole("button", { name: "Oui, annuler" }).click();
  await expect(plain.getByText("Votre réservation est annulée.")).toBeVisible();
  await screenshot(plain, testInfo, "2-no-javascript");
  await noScript.close();

  const emails = (await api.appointmentsOf(activity.id)).map(
    (a) => `${a.clientInfo.email} ${a.status}`,
  );
  expect(emails.sort()).toEqual(["clavier@example.fr pending", "sans@example.fr cancelled"]);
});

test("the booking page ships no framework, only its own script, which pages weeks in place", async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  const api = admin(request, "studio");
  await api.openEveryDay("09:00", "17:00");
  const activity = await api.createActivity({ name: "Paging check" });
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.url());
  });

  await page.goto(urlOf("studio", baseURL, `/book/${activity.id}?week=${mondayIn(9)}`));
  await expect(page.getByRole("heading", { level: 1, name: activity.name })).toBeVisible();
  expect(scripts).toEqual([]);
  const inlineBytes = await page.evaluate(() =>
    [...document.scripts].reduce((sum, script) => sum + (script.textContent?.length ?? 0), 0),
  );
  expect(inlineBytes).toBeGreaterThan(0);
  expect(inlineBytes).toBeLessThan(4000);

  // A full page load would lose this marker; paging in place keeps it.
  await page.evaluate(() => Object.assign(window, { pagedInPlace: true }));
  const title = page.getByRole("heading", { level: 2, name: /^Week of/ });
  const firstWeek = await title.textContent();
  await page.getByRole("link", { name: "Next week" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`week=${mondayIn(10)}`));
  await expect(title).not.toHaveText(firstWeek ?? "");
  expect(await page.evaluate(() => "pagedInPlace" in window)).toBe(true);
  // Keyboard users stay on the arrow they used.
  expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.inPlace)).toBe(
    "next",
  );
  await screenshot(page, testInfo, "1-next-week-in-place");

  await page.goBack();
  await expect(title).toHaveText(firstWeek ?? "");
  expect(await page.evaluate(() => "pagedInPlace" in window)).toBe(true);
  await expect(page.locator('a[href*="details?at="]:visible').first()).toHaveText(/^9:00 AM/);
});
