import { type APIRequestContext, expect, type Page, test } from "./fixtures";
import { demoOwner, expectAccessible, screenshot, signIn } from "./support";

// The owner builds a business from an empty dashboard and runs its week: services, hours, the
// calendar (confirm, drag to move, cancel), the module switch; staff and other businesses are
// kept out. "atelier" is this spec's own business (e2e/serve.sh), in French, in Paris.
test.describe.configure({ mode: "serial" });
// Tall enough for the week view's working hours: drag and drop needs both ends on screen.
test.use({ viewport: { width: 1280, height: 1500 } });

const owner = { email: "owner@atelier.test", password: "atelier-owner-pass" };
const staff = { email: "staff@atelier.test", password: "atelier-staff-pass" };
const ZONE = "Europe/Paris";

const atelier = (baseURL: string | undefined, path: string) =>
  `http://atelier.localhost:${new URL(baseURL ?? "http://localhost:3107").port}${path}`;

const publicHeaders = { "X-Tenant-Slug": "atelier" };

/** The activity's slots over the next `days` days, as the public API answers them. */
async function slotsOf(request: APIRequestContext, activityId: string, days = 15) {
  const from = new Date();
  const to = new Date(Date.now() + days * 86_400_000);
  const response = await request.get(
    `/api/appointments/availability/slots?activityId=${activityId}&startDate=${from.toISOString()}&endDate=${to.toISOString()}`,
    { headers: publicHeaders },
  );
  expect(response.status()).toBe(200);
  return (await response.json()).slots as { dateTime: string; available: boolean }[];
}

const isAvailable = (slots: { dateTime: string; available: boolean }[], at: number) =>
  slots.find((s) => Date.parse(s.dateTime) === at)?.available;

/** Wall-clock date and time of an instant in Paris: ["2026-11-24", "10:00"]. */
const parisClock = (at: number) => {
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  const [date, time] = parts.split(" ");
  return [date ?? "", time ?? ""] as const;
};

const mondayOf = (day: string) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.getTime();
};

/** The middle of a day's column at a time of the calendar's week view. */
async function calendarPoint(page: Page, date: string, time: string) {
  const column = await page.locator(`[role=cell][data-date="${date}"]`).last().boundingBox();
  const lane = await page.locator(`[data-time="${time}:00"]`).last().boundingBox();
  if (!column || !lane) throw new Error(`no ${date} ${time} on the calendar`);
  return { x: column.x + column.width / 2, y: lane.y + 4 };
}

let activityId = "";

test("the owner creates a service, and customers see it on the public page", async ({
  page,
  baseURL,
}, testInfo) => {
  await signIn(page, owner, atelier(baseURL, "/login"));
  await expect(page.getByRole("heading", { name: "Calendrier" })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: "Prestations" })
    .click();
  await expect(page.getByText("Aucune prestation pour l’instant")).toBeVisible();
  await screenshot(page, testInfo, "activities-empty");
  await page.getByRole("link", { name: "Nouvelle prestation" }).click();

  // A refused form names the field and keeps what was typed.
  await page.getByLabel("Nom", { exact: true }).fill("Massage du dos");
  await page.getByLabel("Durée (minutes)").fill("2");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Corrigez les champs");
  await expect(page.getByLabel("Durée (minutes)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Nom", { exact: true })).toHaveValue("Massage du dos");
  await expectAccessible(page);
  await screenshot(page, testInfo, "activity-form-error");

  await page.getByLabel("Durée (minutes)").fill("60");
  await page.getByLabel("Prix (EUR)").fill("55");
  await page.getByLabel("Numéro de téléphone").check();
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Prestation enregistrée.");
  await expect(page.getByText("Massage du dos")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, "activities");

  await page.goto(atelier(baseURL, "/"));
  await expect(page.getByRole("heading", { name: "Massage du dos" })).toBeVisible();
  await expect(page.getByText("55,00 €")).toBeVisible();
  const link = await page
    .getByRole("link", { name: /Réserver/ })
    .first()
    .getAttribute("href");
  activityId = link?.match(/book\/([0-9a-f-]{36})/)?.[1] ?? "";
  expect(activityId).not.toBe("");
});

test("editing the opening hours changes the public slots", async ({
  page,
  baseURL,
  request,
}, testInfo) => {
  expect((await slotsOf(request, activityId)).filter((s) => s.available)).toHaveLength(0);
  await signIn(page, owner, atelier(baseURL, "/login"));
  await page.goto(atelier(baseURL, "/admin/availability"));

  // Monday, then copied to every other day.
  await page.getByRole("button", { name: "Ajouter une plage – lundi" }).click();
  await page.getByLabel("lundi 1 – Ouverture").fill("09:00");
  await page.getByLabel("lundi 1 – Fermeture").fill("17:00");
  // An overlapping second window is explained before anything is sent.
  await page.getByRole("button", { name: "Ajouter une plage – lundi" }).click();
  await page.getByLabel("lundi 2 – Ouverture").fill("12:00");
  await page.getByLabel("lundi 2 – Fermeture").fill("13:00");
  await expect(page.getByText("Chevauche une autre plage")).toBeVisible();
  await screenshot(page, testInfo, "availability-overlap");
  await page.getByRole("button", { name: "Retirer lundi 2" }).click();
  await expect(page.getByText("Chevauche une autre plage")).toHaveCount(0);

  await page.getByRole("button", { name: "Copier ce jour vers… (lundi)" }).click();
  for (const day of ["mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]) {
    await page.getByRole("checkbox", { name: day }).check();
  }
  await page.getByRole("button", { name: "Copier", exact: true }).click();
  await expect(page.getByLabel("dimanche 1 – Fermeture")).toHaveValue("17:00");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Horaires enregistrés.");
  await expectAccessible(page);
  await screenshot(page, testInfo, "availability");

  const slots = (await slotsOf(request, activityId)).filter((s) => s.available);
  expect(slots.length).toBeGreaterThan(0);
  for (const slot of slots) {
    const [, time] = parisClock(Date.parse(slot.dateTime));
    expect(time >= "09:00" && time <= "16:00").toBe(true);
  }
});

test("the owner confirms, drags and cancels a booking on the calendar, and the public slots follow", async ({
  page,
  baseURL,
  request,
}, testInfo) => {
  // A customer books 10:00 on a day of a later week (the calendar pages to it), through the
  // public API.
  const today = parisClock(Date.now())[0];
  const nextWeek = parisClock(Date.now() + 7 * 86_400_000)[0];
  const slot = (await slotsOf(request, activityId)).find((s) => {
    const [date, time] = parisClock(Date.parse(s.dateTime));
    return s.available && time === "10:00" && date > nextWeek;
  });
  if (!slot) throw new Error("no free 10:00 in the week after next");
  const booked = await request.post("/api/appointments", {
    headers: publicHeaders,
    data: {
      activityId,
      dateTime: slot.dateTime,
      clientInfo: { name: "Lucie Calendrier", email: "lucie@example.test", phone: "0612345678" },
    },
  });
  expect(booked.status()).toBe(201);
  const start = Date.parse(slot.dateTime);
  const [day] = parisClock(start);

  await signIn(page, owner, atelier(baseURL, "/login"));
  const weeksAhead = Math.round((mondayOf(day) - mondayOf(today)) / (7 * 86_400_000));
  for (let i = 0; i < weeksAhead; i++) await page.getByRole("button", { name: "Suivant" }).click();
  const event = page.locator("[role=button]", { hasText: "Lucie Calendrier" });
  await expect(event).toContainText("En attente");
  await expect(page.getByTestId("overview-pending")).toHaveText("1");
  await expectAccessible(page);
  await screenshot(page, testInfo, "calendar");

  await event.click();
  const panel = page.getByRole("region", { name: "Massage du dos" });
  await expect(panel).toContainText("lucie@example.test");
  await expect(panel).toContainText("55,00 €");
  await panel.getByRole("button", { name: "Confirmer" }).click();
  await expect(panel.getByTestId("appointment-status")).toHaveText("Confirmé");
  await expect(panel).toContainText("Statut modifié → Confirmé · owner@atelier.test");
  await expect(page.getByTestId("overview-pending")).toHaveText("0");
  await screenshot(page, testInfo, "calendar-details");

  // Drag from 10:00 to 14:00 the same day.
  const box = await event.boundingBox();
  if (!box) throw new Error("the appointment is not on the calendar");
  const target = await calendarPoint(page, day, "14:00");
  await page.mouse.move(box.x + box.width / 2, box.y + 4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 30, { steps: 5 });
  await page.mouse.move(target.x, target.y, { steps: 15 });
  await page.mouse.up();
  await expect(page.getByRole("status").filter({ hasText: "Rendez-vous déplacé." })).toBeVisible();
  const moved = start + 4 * 3_600_000;
  let slots = await slotsOf(request, activityId);
  expect(isAvailable(slots, start)).toBe(true);
  expect(isAvailable(slots, moved)).toBe(false);

  // A drop by mistake is one click from undone.
  await page.getByRole("button", { name: "Annuler le déplacement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Remis à sa place." })).toBeVisible();
  slots = await slotsOf(request, activityId);
  expect(isAvailable(slots, start)).toBe(false);
  expect(isAvailable(slots, moved)).toBe(true);

  // Cancelling, after a confirmation, frees its time at once.
  await page.locator("[role=button]", { hasText: "Lucie Calendrier" }).click();
  await panel.getByRole("button", { name: "Annuler le rendez-vous" }).click();
  await panel.getByRole("button", { name: "Oui, annuler" }).click();
  await expect(panel.getByTestId("appointment-status")).toHaveText("Annulé");
  slots = await slotsOf(request, activityId);
  expect(isAvailable(slots, start)).toBe(true);
  // Cancelled appointments are hidden until asked for.
  await expect(page.locator("[role=button]", { hasText: "Lucie Calendrier" })).toHaveCount(0);
  await page.getByLabel("Afficher les annulés").check();
  await expect(page.locator("[role=button]", { hasText: "Lucie Calendrier" })).toContainText(
    "Annulé",
  );
});

test("the appointments table filters, searches and exports what it shows", async ({
  page,
  baseURL,
}, testInfo) => {
  await signIn(page, owner, atelier(baseURL, "/login"));
  await page.goto(atelier(baseURL, "/admin/appointments"));
  await expect(page.getByRole("row", { name: /Lucie Calendrier/ })).toContainText("Annulé");
  await page.getByLabel("Statut").selectOption("confirmed");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByText("Aucun rendez-vous ne correspond")).toBeVisible();
  await page.getByLabel("Statut").selectOption("cancelled");
  await page.getByLabel("Client").fill("lucie@");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("status")).toHaveText("1 rendez-vous");
  await expectAccessible(page);
  await screenshot(page, testInfo, "appointments");

  // A row opens the calendar's details panel, with its actions.
  await page.getByRole("link", { name: "Lucie Calendrier" }).click();
  const panel = page.getByRole("region", { name: "Massage du dos" });
  await expect(panel).toContainText("lucie@example.test");
  await expect(panel.getByTestId("appointment-status")).toHaveText("Annulé");
  await panel.getByRole("button", { name: "Fermer" }).click();
  await expect(panel).toHaveCount(0);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en CSV" }).click();
  const csv = await (await download).createReadStream();
  let text = "";
  for await (const chunk of csv) text += chunk;
  const lines = text.trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("Lucie Calendrier");
  // French Excel's dialect: ";" separators, French words.
  expect(lines[1]).toContain(";Annulé;");
  expect(lines[1]).toContain("+01:00;Europe/Paris;Massage du dos");

  // An inverted date range says so.
  await page.goto(atelier(baseURL, "/admin/appointments?from=2026-12-10&to=2026-12-01"));
  await expect(page.getByText(/Le jour «\s?Du\s?» est après le jour/)).toBeVisible();
});

test("the module switch turns the public pages off and on", async ({ page, baseURL }, testInfo) => {
  await signIn(page, owner, atelier(baseURL, "/login"));
  await page.goto(atelier(baseURL, "/admin/settings"));
  await expectAccessible(page);
  await screenshot(page, testInfo, "settings");
  await page.getByRole("button", { name: "Désactiver la réservation en ligne" }).click();
  await expect(page.getByTestId("module-state")).toContainText("désactivée");
  await page.goto(atelier(baseURL, "/"));
  await expect(page.getByText("momentanément indisponible")).toBeVisible();
  await expect(page.getByText("Massage du dos")).toHaveCount(0);

  await page.goto(atelier(baseURL, "/admin/settings"));
  await page.getByRole("button", { name: "Activer la réservation en ligne" }).click();
  await expect(page.getByTestId("module-state")).toContainText("active");
  await page.goto(atelier(baseURL, "/"));
  await expect(page.getByRole("heading", { name: "Massage du dos" })).toBeVisible();

  // Every change is in the owner's audit log, as sentences in the business's language, the
  // client named; the raw data is behind a toggle.
  await page.goto(atelier(baseURL, "/admin/settings/audit"));
  for (const sentence of [
    /owner@atelier\.test a désactivé la réservation en ligne\./,
    /owner@atelier\.test a déplacé le rendez-vous de Lucie Calendrier du .* au .*\./,
    /owner@atelier\.test a confirmé le rendez-vous de Lucie Calendrier du /,
    /owner@atelier\.test a créé la prestation «\s?Massage du dos\s?»/,
  ]) {
    await expect(page.getByText(sentence).first()).toBeVisible();
  }
  const raw = page.locator("details", { hasText: "appointment.reschedule" }).first();
  await expect(raw.getByText(/"startsAt"/).first()).toBeHidden();
  await raw.locator("summary").click();
  await expect(raw.getByText(/"startsAt"/).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, "audit");
});

test("an API key is shown once, works, and stops working once revoked", async ({
  page,
  baseURL,
  request,
}) => {
  await signIn(page, owner, atelier(baseURL, "/login"));
  await page.goto(atelier(baseURL, "/admin/settings"));
  await page.getByLabel("Nom de la clé").fill("Caisse");
  await page.getByRole("button", { name: "Créer une clé" }).click();
  // Shown once: in view, focused, with a copy button.
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toBeFocused();
  await expect(shown).toBeInViewport();
  // (The page has other copy buttons: the widget's snippets.)
  const keys = page.locator("#keys");
  await keys.getByRole("button", { name: "Copier" }).click();
  await expect(keys.getByText("Copié dans le presse-papiers.")).toBeVisible();
  const secret = await shown.inputValue();
  expect(secret).toMatch(/^rvz_/);
  const headers = { ...publicHeaders, Authorization: `Bearer ${secret}` };
  expect((await request.get("/api/appointments/activities", { headers })).status()).toBe(200);

  await page.goto(atelier(baseURL, "/admin/settings"));
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await page.locator("li", { hasText: "Caisse" }).getByRole("link", { name: "Révoquer" }).click();
  await page.locator("li", { hasText: "Caisse" }).getByRole("button", { name: "Révoquer" }).click();
  await expect(page.locator("li", { hasText: "Caisse" })).toContainText("Révoquée");
  expect((await request.get("/api/appointments/activities", { headers })).status()).toBe(401);
});

test("staff see the services but cannot change them", async ({ page, baseURL }) => {
  await signIn(page, staff, atelier(baseURL, "/login"));
  await page.goto(atelier(baseURL, "/admin/activities"));
  await expect(page.getByText("Massage du dos")).toBeVisible();
  await expect(page.getByRole("link", { name: "Nouvelle prestation" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Modifier/ })).toHaveCount(0);
  expect((await page.goto(atelier(baseURL, "/admin/activities/new")))?.status()).toBe(403);
  expect((await page.goto(atelier(baseURL, `/admin/activities/${activityId}`)))?.status()).toBe(
    403,
  );
  await page.goto(atelier(baseURL, "/admin/settings"));
  await expect(page.getByRole("button", { name: /réservation en ligne/ })).toHaveCount(0);
  expect((await page.goto(atelier(baseURL, "/admin/settings/audit")))?.status()).toBe(403);
  // Inside the dashboard: its menu stays, and the way back is the calendar.
  await expect(page.getByRole("navigation", { name: "Admin" })).toBeVisible();
  await page.getByRole("link", { name: "Retour au calendrier" }).click();
  await expect(page.getByRole("heading", { name: "Calendrier" })).toBeVisible();
});

test("a user of another business gets 403 on every dashboard page", async ({ page }) => {
  await signIn(page, demoOwner);
  for (const path of [
    "/admin",
    "/admin/appointments",
    "/admin/activities",
    "/admin/availability",
    "/admin/settings",
  ]) {
    const response = await page.goto(`${path}?tenant=atelier`);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByText("Atelier Lumière")).toHaveCount(0);
  }
  const csv = await page.request.get("/admin/appointments/export?tenant=atelier");
  expect(csv.status()).toBe(403);
});
