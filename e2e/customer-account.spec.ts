import { type APIRequestContext, expect, type Page, test } from "./fixtures";
import {
  apiHeaders,
  createService,
  expectAccessible,
  openEveryDay,
  screenshot,
  signIn,
} from "./support";

// A guest of "lune" (its own business, in French, in Paris) books twice through the API, then
// signs in to their account with the code the outbox holds (no SMTP server here), finds both
// bookings, moves one, keeps their details and signs out everywhere; on a phone too.
test.describe.configure({ mode: "serial" });

const owner = { email: "owner@lune.test", password: "lune-owner-pass" };
const guest = "ines@example.test";

const lune = (baseURL: string | undefined, path: string) =>
  `http://lune.localhost:${new URL(baseURL ?? "http://localhost:3107").port}${path}`;

/** Two free starts at 10:00 Paris on two days after tomorrow. */
async function twoStarts(request: APIRequestContext, activityId: string) {
  const from = new Date(Date.now() + 2 * 86_400_000);
  const to = new Date(Date.now() + 6 * 86_400_000);
  const answer = await request.get(
    `/api/appointments/availability/slots?activityId=${activityId}&startDate=${from.toISOString()}&endDate=${to.toISOString()}`,
    { headers: { "X-Tenant-Slug": "lune" } },
  );
  const slots = (await answer.json()).slots as { dateTime: string; available: boolean }[];
  const tenOClock = slots.filter(
    (s) =>
      s.available &&
      new Intl.DateTimeFormat("fr", {
        timeZone: "Europe/Paris",
        hour: "2-digit",
        minute: "2-digit",
      }).format(Date.parse(s.dateTime)) === "10:00",
  );
  return [tenOClock[0]?.dateTime ?? "", tenOClock[1]?.dateTime ?? ""];
}

/** The latest sign-in code the outbox holds for the guest, as the owner reads it. */
async function codeFromOutbox(ownerPage: Page, baseURL: string | undefined) {
  await ownerPage.goto(lune(baseURL, "/admin/messages"));
  const message = ownerPage.locator("[data-message-kind=sign_in_code]", { hasText: guest }).first();
  await message.getByText("Voir le message").first().click();
  // biome-ignore lint/performance/useDomNodeTextContent: as shown, the code stands on its own line
  const text = await message.innerText();
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error("no code in the outbox");
  return code;
}

let activityId = "";

test("a guest signs in with the outbox's code, finds both bookings, moves one and keeps their details", async ({
  page,
  browser,
  request,
  baseURL,
}, testInfo) => {
  const headers = apiHeaders("lune");
  await openEveryDay(request, headers);
  activityId = await createService(request, headers, {
    name: "Massage",
    durationMinutes: 60,
    price: 50,
  });
  const starts = await twoStarts(request, activityId);
  for (const dateTime of starts) {
    const booked = await request.post("/api/appointments", {
      headers: { "X-Tenant-Slug": "lune" },
      data: { activityId, dateTime, clientInfo: { name: "Inès Martin", email: guest } },
    });
    expect(booked.status()).toBe(201);
  }

  await page.goto(lune(baseURL, "/"));
  await page.getByRole("link", { name: "Mes rendez-vous" }).click();
  await expect(
    page.getByRole("heading", { name: "Vos rendez-vous chez Studio Lune" }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Adresse e-mail").fill(guest);
  await page.getByRole("button", { name: "Recevoir un code" }).click();
  await expect(page.getByRole("status")).toContainText("attend dans sa boîte d’envoi");
  await screenshot(page, testInfo, "1-code-asked");

  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, owner, lune(baseURL, "/login"));
  const code = await codeFromOutbox(ownerPage, baseURL);

  // A wrong code is said so, and the right one still works.
  await page.getByLabel("Code à 6 chiffres").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page.locator("p[role=alert]")).toContainText("Ce code est faux");
  await page.getByLabel("Code à 6 chiffres").fill(code);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Bonjour Inès Martin" })).toBeVisible();
  const upcoming = page.getByRole("region", { name: "À venir" }).getByRole("listitem");
  await expect(upcoming).toHaveCount(2);
  await expect(upcoming.first()).toContainText("10:00 (Paris)");
  await expectAccessible(page);
  await screenshot(page, testInfo, "2-account");

  // Move the first one from the account, on the same pages as the mailed link.
  await upcoming
    .first()
    .getByRole("link", { name: /Voir ou modifier/ })
    .click();
  await expect(page.getByRole("heading", { name: "Votre réservation" })).toBeVisible();
  await page.getByRole("link", { name: "Déplacer à un autre horaire" }).click();
  const target = page.locator('a[href*="reschedule?"][href*="at="]:visible').last();
  await target.click();
  await page.getByRole("button", { name: "Déplacer ma réservation" }).click();
  await expect(page.getByText("Votre réservation a été déplacée.")).toBeVisible();
  await page.getByRole("link", { name: "Tous mes rendez-vous" }).click();
  await expect(upcoming).toHaveCount(2);
  await expect(upcoming.filter({ hasText: "10:00 (Paris)" })).toHaveCount(1);

  // Details and a dated consent.
  await page.getByLabel("Nom", { exact: true }).fill("Inès M.");
  await page.getByLabel(/J’accepte de recevoir/).check();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Vos coordonnées sont enregistrées.")).toBeVisible();
  await expect(page.getByTestId("consent-date")).toContainText("Donné le");
  await expect(page.getByRole("heading", { name: "Bonjour Inès M." })).toBeVisible();

  // "Book again" opens the same service's times.
  await upcoming
    .first()
    .getByRole("link", { name: /Reprendre rendez-vous/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/book/${activityId}\\?`));
  await expect(page.getByRole("heading", { name: "Massage" })).toBeVisible();

  // Signed out everywhere: the account's links stop working too.
  await page.goto(lune(baseURL, "/account"));
  const opened = await upcoming
    .first()
    .getByRole("link", { name: /Voir ou modifier/ })
    .getAttribute("href");
  await page.getByRole("button", { name: "Se déconnecter partout" }).click();
  await expect(page.getByText("Vous êtes déconnecté·e sur tous vos appareils.")).toBeVisible();
  const gone = await page.goto(lune(baseURL, opened ?? "/manage/x"));
  expect(gone?.status()).toBe(404);
  await ownerPage.context().close();
});

test("on a 375 px phone, with ?tenant=, the account signs in and fits the screen", async ({
  browser,
  baseURL,
}, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${baseURL}/account?tenant=lune`);
  await page.getByLabel("Adresse e-mail").fill(guest);
  await page.getByRole("button", { name: "Recevoir un code" }).click();
  await expect(page.getByLabel("Code à 6 chiffres")).toBeVisible();

  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, owner, lune(baseURL, "/login"));
  await page.getByLabel("Code à 6 chiffres").fill(await codeFromOutbox(ownerPage, baseURL));
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Bonjour Inès M." })).toBeVisible();
  await expect(page.getByRole("region", { name: "À venir" }).getByRole("listitem")).toHaveCount(2);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(375);
  await expectAccessible(page);
  await screenshot(page, testInfo, "3-phone-account");
  // Erasing the account is asked first, and refused while a booking is still to come.
  await page.getByRole("link", { name: "Effacer mon compte" }).click();
  await expect(page.getByText(/Effacer votre compte et vos coordonnées/)).toBeVisible();
  await page.getByRole("button", { name: "Oui, tout effacer" }).click();
  await expect(page.locator("p[role=alert]")).toContainText("Vous avez un rendez-vous à venir");
  await expect(page.getByRole("heading", { name: "Bonjour Inès M." })).toBeVisible();
  await context.close();
  await ownerPage.context().close();
});

/** Yesterday in Paris ("2026-12-07"). */
const yesterday = () =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris" }).format(Date.now() - 86_400_000);

/** A walk-in the owner books for yesterday with the dashboard, then marks completed. */
async function pastVisit(
  ownerPage: Page,
  request: APIRequestContext,
  baseURL: string | undefined,
  client: { name: string; email: string; time: string },
) {
  await ownerPage.goto(lune(baseURL, "/admin"));
  await ownerPage.getByRole("button", { name: "Nouveau rendez-vous" }).click();
  const panel = ownerPage.getByRole("region", { name: "Nouveau rendez-vous" });
  await panel.getByLabel(/^Début \(heure de \S+\) \*$/).fill(`${yesterday()}T${client.time}`);
  await panel.getByLabel("Nom *").fill(client.name);
  await panel.getByLabel("E-mail").fill(client.email);
  await panel.getByRole("button", { name: "Réserver", exact: true }).click();
  await ownerPage.getByRole("button", { name: "Réserver quand même" }).click();
  await expect(ownerPage.getByText("Rendez-vous enregistré.")).toBeVisible();
  const headers = apiHeaders("lune");
  const listed = await request.get(
    `/api/appointments?startDate=${yesterday()}T00:00:00Z&endDate=${new Date().toISOString()}`,
    { headers },
  );
  const booked = (
    (await listed.json()).appointments as { id: string; clientInfo: { email: string } }[]
  ).find((a) => a.clientInfo.email === client.email);
  if (!booked) throw new Error("the walk-in is not listed");
  const done = await request.patch(`/api/appointments/${booked.id}/status`, {
    headers,
    data: { status: "completed" },
  });
  expect(done.status()).toBe(200);
}

/** The review link the invitation to `email` carries, as the owner reads it in the outbox. */
async function reviewLinkFromOutbox(ownerPage: Page, baseURL: string | undefined, email: string) {
  await ownerPage.goto(lune(baseURL, "/admin/messages"));
  const message = ownerPage
    .locator("[data-message-kind=review_invite]", { hasText: email })
    .first();
  await expect(message).toBeVisible();
  await message.getByText("Voir le message").first().click();
  const link = /https?:\/\/\S+\/review\/[A-Za-z0-9_-]{43}/.exec(
    (await message.textContent()) ?? "",
  )?.[0];
  if (!link) throw new Error("no review link in the outbox");
  return link;
}

test("after a completed visit the customer reviews it from the invitation; the owner replies and hides another", async ({
  browser,
  request,
  baseURL,
}, testInfo) => {
  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, owner, lune(baseURL, "/login"));
  await pastVisit(ownerPage, request, baseURL, { name: "Inès M.", email: guest, time: "10:00" });
  await pastVisit(ownerPage, request, baseURL, {
    name: "Paul Spam",
    email: "paul@example.test",
    time: "12:00",
  });
  const inesLink = await reviewLinkFromOutbox(ownerPage, baseURL, guest);
  const paulLink = await reviewLinkFromOutbox(ownerPage, baseURL, "paul@example.test");

  // On a phone, from the invitation's link: no sign-in.
  const phone = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await phone.newPage();
  await page.goto(inesLink);
  await expect(page.getByRole("heading", { name: "Comment cela s’est-il passé ?" })).toBeVisible();
  await page.getByRole("radio", { name: "5 étoiles sur 5" }).check();
  await page.getByLabel("Quelques mots (facultatif)").fill("Massage parfait, merci Studio Lune !");
  await expectAccessible(page);
  await screenshot(page, testInfo, "4-review-form");
  await page.getByRole("button", { name: "Envoyer mon avis" }).click();
  await expect(page.getByText("Merci ! Votre avis est publié.")).toBeVisible();
  // The link served once.
  await page.goto(inesLink);
  await expect(page.getByText("Ce lien a déjà servi")).toBeVisible();
  await page.goto(paulLink);
  await page.getByRole("radio", { name: "1 étoile sur 5" }).check();
  await page.getByLabel("Quelques mots (facultatif)").fill("Achetez mes montres sur spam.example");
  await page.getByRole("button", { name: "Envoyer mon avis" }).click();
  await expect(page.getByText("Merci ! Votre avis est publié.")).toBeVisible();

  await page.goto(lune(baseURL, "/"));
  const reviews = page.getByRole("region", { name: "Ce qu’en disent les clients" });
  await expect(reviews.getByTestId("review-summary")).toContainText("3 sur 5 · 2 avis");
  await expect(reviews).toContainText("Inès M.");
  await expect(reviews).toContainText("Massage parfait");

  // The owner replies to one and hides the other.
  await ownerPage.goto(lune(baseURL, "/admin/reviews"));
  const ines = ownerPage.getByTestId("admin-review").filter({ hasText: "Inès M." });
  await ines.getByLabel("Votre réponse publique").fill("Merci Inès, à bientôt !");
  await ines.getByRole("button", { name: "Répondre" }).click();
  await expect(ownerPage.getByText("Votre réponse est publiée.")).toBeVisible();
  const spam = ownerPage.getByTestId("admin-review").filter({ hasText: "Paul S." });
  await spam.getByText("Masquer cet avis…").click();
  await spam.getByLabel(/Pourquoi le masquer/).fill("Publicité");
  await spam.getByRole("button", { name: "Le masquer au public" }).click();
  await expect(ownerPage.getByText("L’avis est masqué au public.")).toBeVisible();
  await expect(spam).toContainText("Masqué : Publicité");
  await expectAccessible(ownerPage);
  await screenshot(ownerPage, testInfo, "5-owner-reviews");

  await page.reload();
  await expect(reviews.getByTestId("review-summary")).toContainText("5 sur 5 · 1 avis");
  await expect(reviews).toContainText("Merci Inès, à bientôt !");
  await expect(reviews).not.toContainText("spam.example");
  await screenshot(page, testInfo, "6-business-page-reviews");
  await phone.close();
  await ownerPage.context().close();
});
