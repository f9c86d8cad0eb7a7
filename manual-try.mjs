import { chromium } from "@playwright/test";

const base = "http://localhost:3150";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on("console", (m) => {
  if (m.type() === "error") console.log("console error:", m.text());
});
await page.goto(`${base}/login?tenant=salon`);
await page.getByLabel(/e-mail/i).fill("owner@salon.test");
await page.getByLabel(/mot de passe/i).fill("salon-owner-pass");
await page.getByRole("button", { name: /connecter/i }).click();
await page.waitForURL(/admin/);
// a service
await page.goto(`${base}/admin/activities/new?tenant=salon`);
await page.getByLabel("Nom", { exact: true }).fill("Coupe");
await page.getByLabel(/Durée/).fill("45");
await page.getByRole("button", { name: /Enregistrer/ }).click();
await page.waitForURL(/activities\?/);
// hours
await page.goto(`${base}/admin/availability?tenant=salon`);
for (const day of ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]) {
  await page.getByRole("button", { name: new RegExp(`Ajouter.*${day}`, "i") }).click();
}
await page.getByRole("button", { name: /^Enregistrer/ }).click();
await page.waitForTimeout(800);
await page.goto(`${base}/admin/team?tenant=salon`);
await page.screenshot({ path: "/tmp/shots/team-1.png", fullPage: true });
await page.getByRole("link", { name: "Ajouter un membre" }).click();
await page.getByLabel("Nom", { exact: true }).fill("Chloé");
await page.getByLabel("Horaires propres").check();
await page.screenshot({ path: "/tmp/shots/team-new.png", fullPage: true });
await page.getByRole("button", { name: /^Enregistrer/ }).click();
await page.waitForURL(/team\?saved/);
await page.getByRole("link", { name: "Ajouter un membre" }).click();
await page.getByLabel("Nom", { exact: true }).fill("Hugo");
await page.getByRole("button", { name: /^Enregistrer/ }).click();
await page.waitForURL(/team\?saved/);
await page.screenshot({ path: "/tmp/shots/team-2.png", fullPage: true });
await page.goto(`${base}/admin?tenant=salon`);
await page.waitForTimeout(1500);
await page.screenshot({ path: "/tmp/shots/calendar.png", fullPage: true });
// public on subdomain, phone
const phone = await browser.newPage({ viewport: { width: 375, height: 800 } });
await phone.goto(`http://salon.localhost:3150/`);
await phone.getByRole("link", { name: /Coupe/ }).first().click();
await phone.waitForLoadState();
await phone.screenshot({ path: "/tmp/shots/public-book.png", fullPage: true });
await phone.getByRole("link", { name: /Hugo/ }).click();
await phone.waitForLoadState();
await phone.screenshot({ path: "/tmp/shots/public-hugo.png", fullPage: true });
await phone.locator("[data-week-slots] a[href*='details']").first().click();
await phone.waitForLoadState();
await phone.getByLabel(/Nom/).fill("Alice Martin");
await phone.getByLabel(/E-mail/i).fill("alice@example.com");
await phone.screenshot({ path: "/tmp/shots/public-details.png", fullPage: true });
await phone.getByRole("button", { name: /Réserver|Confirmer/ }).click();
await phone.waitForURL(/manage/);
await phone.screenshot({ path: "/tmp/shots/public-manage.png", fullPage: true });
console.log("manage url", phone.url());
await browser.close();
