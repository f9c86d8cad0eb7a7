import { expect, test } from "./fixtures";
import { acmeOwner, demoOwner, screenshot, signIn } from "./support";

test("the demo owner signs in, sees the dashboard shell and signs out", async ({
  page,
  baseURL,
}, testInfo) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login$/);
  await screenshot(page, testInfo, "login");

  await signIn(page, demoOwner);
  await expect(page.getByRole("heading", { name: "Calendrier" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Admin" });
  for (const link of ["Calendrier", "Rendez-vous", "Prestations", "Horaires", "Paramètres"]) {
    await expect(nav.getByRole("link", { name: link })).toBeVisible();
  }
  await expect(page.getByText("Salon Démo").first()).toBeVisible();
  await expect(page.getByText(/Propriétaire/)).toBeVisible();
  await screenshot(page, testInfo, "dashboard");

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  // On the server's own port (not 3000), with no NEXTAUTH_URL set.
  await expect(page).toHaveURL(`${baseURL}/login`);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong password is refused with a readable message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill(demoOwner.email);
  await page.getByLabel("Mot de passe").fill("not-the-password");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "E-mail ou mot de passe incorrect.",
  );
  await expect(page).toHaveURL(/\/login$/);
});

test("an owner signing in at another business is told so and shown the way, strangers are not", async ({
  page,
}) => {
  await page.goto("/login?tenant=acme");
  await page.getByLabel("Email address").fill(demoOwner.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toHaveText("Wrong email or password.");

  // With the account's own password: not signed in here, but pointed to the right business.
  await page.getByLabel("Password").fill(demoOwner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toContainText("This address has no account at Acme Wellness");
  await expect(page).toHaveURL(/\/login/);
  await alert.getByRole("link", { name: "Sign in to your business" }).click();
  await expect(page.getByText("Salon Démo")).toBeVisible();
  await page.getByLabel(/e-mail/i).fill(demoOwner.email);
  await page.getByLabel(/mot de passe/i).fill(demoOwner.password);
  await page.getByRole("button", { name: /se connecter/i }).click();
  await expect(page).toHaveURL(/\/admin/);
});

test("a business on its subdomain speaks its own language", async ({ page, baseURL }) => {
  const port = new URL(baseURL ?? "http://localhost:3107").port;
  await signIn(page, acmeOwner, `http://acme.localhost:${port}/login`);
  await expect(page.getByRole("heading", { name: "Calendar" })).toBeVisible();
  await expect(page.getByText("Acme Wellness").first()).toBeVisible();
});

test("a signed-in user opening another business's dashboard gets 403, not its data", async ({
  page,
}) => {
  await signIn(page, demoOwner);
  const response = await page.goto("/admin?tenant=acme");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  await expect(page.getByText("Acme Wellness")).toHaveCount(0);
});

test("an unknown business gets a not-found page", async ({ page }) => {
  const response = await page.goto("/?tenant=no-such-business");
  expect(response?.status()).toBe(404);
  await expect(
    page.getByRole("heading", { name: /Page introuvable|Page not found/ }),
  ).toBeVisible();
});
