import { expect, test } from "./fixtures";
import { demoOwner, expectAccessible, screenshot, signIn } from "./support";

// The demo's owner reads the statistics: figures against the period before, charts with their
// tables, a CSV per chart, on a laptop and on a phone.
test("statistics with pictures, their tables and CSV files, at 1280 and 375 px", async ({
  page,
}, testInfo) => {
  await signIn(page, demoOwner, "/login?tenant=demo");
  await page.getByRole("link", { name: "Statistiques" }).click();
  await expect(page.getByRole("heading", { name: "Statistiques", level: 1 })).toBeVisible();
  // The demo's bookings are to come: a range from today on, typed in the form.
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toLocaleDateString("sv-SE", {
      timeZone: "Europe/Paris",
    });
  await page.getByLabel("Du", { exact: true }).fill(day(0));
  await page.getByLabel("Au", { exact: true }).fill(day(30));
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d\d-\d\d&to=/);
  await expect(page.getByTestId("statistics-card")).toHaveCount(4);
  await expect(page.getByRole("img", { name: /Histogramme des réservations/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Carte de chaleur/ })).toBeVisible();

  // A chart's numbers, for screen readers and anyone who wants them.
  const busiest = page.getByRole("figure", { name: "Heures les plus chargées" });
  await busiest.getByText("Afficher les données").click();
  const table = busiest.getByRole("table", { name: "Réservations par jour et heure" });
  await expect(table.getByRole("columnheader", { name: "Jour" })).toBeVisible();
  await expect(table.getByRole("rowheader")).toHaveCount(7);

  // Its CSV, in French spreadsheet form.
  const href = await busiest.getByRole("link", { name: "Télécharger en CSV" }).getAttribute("href");
  const csv = await page.request.get(href ?? "");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n")[0]).toMatch(/^\ufeffJour;08:00;/);

  // A range is chosen; a wrong one says so and shows the default.
  await page.getByRole("link", { name: "90 derniers jours" }).click();
  await expect(page.getByTestId("statistics-period")).toContainText("comparé");
  await page.goto("/admin/statistics?from=2026-12-31&to=2026-01-01");
  await expect(page.getByText(/Cette période ne peut pas être affichée/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, testInfo, "statistics");

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/admin/statistics?from=${day(0)}&to=${day(30)}`);
  await expect(page.getByRole("img", { name: /Histogramme des réservations/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(page, testInfo, "statistics-phone");
});
