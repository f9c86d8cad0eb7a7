import { expect, test } from "./fixtures";
import { acmeOwner, signIn } from "./support";

test("the browser enforces the CSP: injected markup runs no script", async ({
  page,
  cspViolations,
}) => {
  await page.goto("/?tenant=studio");
  // What an HTML injection would bring: an inline handler, and a script the parser inserts.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      "beforeend",
      '<img src="/missing.png" onerror="window.__injected = true">',
    );
    const frame = document.createElement("iframe");
    frame.srcdoc = "<script>parent.__injected = true</script>";
    document.body.append(frame);
  });
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(
    await page.evaluate(() => (window as { __injected?: boolean }).__injected),
  ).toBeUndefined();
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  // Expected here, and only here.
  cspViolations.length = 0;
});

test("pages and the API refuse to be framed and say so in their headers", async ({ request }) => {
  for (const path of [
    "/admin",
    "/login",
    "/?tenant=studio",
    "/api/appointments/activities/public",
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-request-id"], path).toMatch(/^[0-9a-f-]{36}$/);
  }
});

test("a sixth guess from one IP is refused before any password is checked; guesses from elsewhere do not lock the owner out", async ({
  page,
}) => {
  // This test's own address (TRUST_PROXY is on in the e2e server).
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.66" });
  await page.goto("/login?tenant=studio");
  const attempt = async (email: string, password: string) => {
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    return page.locator("form").getByRole("alert");
  };
  for (let i = 1; i <= 5; i++) {
    await expect(await attempt(`guess-${i}@studio.test`, `guess-${i}`)).toHaveText(
      "Wrong email or password.",
    );
  }
  const tooMany = "Too many sign-in attempts. Please wait a minute, then try again.";
  await expect(await attempt("owner@studio.test", "studio-owner-pass")).toHaveText(tooMany);
  await expect(page).toHaveURL(/\/login/);

  // Guesses at the owner's address from elsewhere never lock the owner out of their own address.
  for (let i = 1; i <= 5; i++) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${100 + i}` });
    await expect(await attempt("owner@studio.test", `guess-${i}`)).toHaveText(
      "Wrong email or password.",
    );
  }
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.120" });
  await attempt("owner@studio.test", "studio-owner-pass");
  await expect(page).toHaveURL(/\/admin/);
});

test("signing out ends the session everywhere, not only in this browser", async ({
  page,
  browser,
  request,
}) => {
  await signIn(page, acmeOwner, "/login?tenant=acme");
  const cookies = await page.context().cookies();
  const other = await browser.newContext();
  await other.addCookies(cookies);
  const copy = await other.newPage();
  await copy.goto("/admin?tenant=acme");
  await expect(copy.getByRole("heading", { name: "Calendar" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  await copy.goto("/admin?tenant=acme");
  await expect(copy).toHaveURL(/\/login/);
  const session = cookies.find((c) => c.name.includes("session-token"));
  const api = await request.get("/api/appointments", {
    headers: { "x-tenant-slug": "acme", cookie: `${session?.name}=${session?.value}` },
  });
  expect(api.status()).toBe(401);
  await other.close();
});
