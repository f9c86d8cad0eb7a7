import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { apiHeaders, createService, openEveryDay, signIn } from "./support";

// The booking widget on a business's own site: a page served from another origin (a server this
// test starts) includes the snippet from Settings and books through it; a site the business did
// not list is refused by the browser.
test.describe.configure({ mode: "serial" });

const owner = { email: "owner@widgetshop.test", password: "widgetshop-owner-pass" };
const shop = (baseURL: string | undefined, path: string) =>
  `http://widgetshop.localhost:${new URL(baseURL ?? "http://localhost:3107").port}${path}`;

/** A site of its own: one page holding `html`, on a port of its own. */
async function site(html: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const pageWith = (snippet: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Widget Shop's own site</title></head>
<body><h1>Welcome to our shop</h1>${snippet}<footer>Our address</footer></body></html>`;

test("the widget books from a listed site, fits its content, and is refused elsewhere", async ({
  page,
  request,
  baseURL,
  browser,
}) => {
  const headers = apiHeaders("widgetshop");
  await openEveryDay(request, headers);
  const serviceId = await createService(request, headers, {
    name: "Coupe",
    durationMinutes: 30,
    price: 25,
  });

  // The snippet is the one Settings shows, made for one service.
  await signIn(page, owner, shop(baseURL, "/login"));
  await page.goto(shop(baseURL, "/admin/settings#website"));
  const snippet = (await page.getByTestId("embed-script").inputValue()).replace(
    "<script ",
    `<script data-service="${serviceId}" `,
  );
  expect(snippet).toBe(
    `<script data-service="${serviceId}" src="${shop(baseURL, "/embed.js")}" async></script>`,
  );
  const listed = await site(pageWith(snippet));
  const unlisted = await site(pageWith(snippet));
  try {
    await page
      .getByLabel("Sites autorisés à afficher le module de réservation")
      .fill(listed.origin);
    await page.getByRole("button", { name: "Enregistrer les sites autorisés" }).click();
    await expect(
      page.getByLabel("Sites autorisés à afficher le module de réservation"),
    ).toHaveValue(listed.origin);

    // On the listed site: the service's page, in the business's language, then a booking.
    await page.goto(listed.origin);
    const widget = page.frameLocator("iframe");
    await expect(widget.getByRole("heading", { level: 1 })).toContainText("Coupe");
    await expect(widget.getByText("Espace équipe")).toBeHidden();
    // Sized to its content: taller than its starting 640 px or shorter, never left as it was.
    await expect
      .poll(() => page.locator("iframe").evaluate((f: HTMLIFrameElement) => f.style.height))
      .not.toBe("640px");
    await widget.locator('a[href*="details?at="]:visible').first().click();
    await widget.getByLabel(/Nom complet/).fill("Client du site");
    await widget.getByLabel(/Adresse e-mail/).fill("site@example.test");
    await widget.getByRole("button", { name: /Confirmer la réservation/ }).click();
    await expect(widget.getByText(/Votre réservation est enregistrée/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Welcome to our shop" })).toBeVisible();

    // Another site: the browser refuses to show the booking page in its frame.
    const stranger = await browser.newPage();
    const refusals: string[] = [];
    stranger.on("console", (m) => {
      if (/frame-ancestors/.test(m.text())) refusals.push(m.text());
    });
    await stranger.goto(unlisted.origin);
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    await expect(stranger.frameLocator("iframe").getByText("Coupe")).toHaveCount(0);
    // The empty frame gives way to a plain link to the booking page.
    const link = stranger.locator("a[data-rendezvous-link]");
    await expect(link).toBeVisible({ timeout: 15_000 });
    expect(await link.getAttribute("href")).toMatch(/\/\?.*service=/);
    await expect(stranger.locator("iframe")).toHaveCount(0);
    await stranger.close();
  } finally {
    listed.server.close();
    unlisted.server.close();
  }
});
