import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { expect, test } from "./fixtures";
import {
  apiHeaders,
  createService,
  expectAccessible,
  openEveryDay,
  screenshot,
  signIn,
} from "./support";

// A business of its own, reached by its subdomain: its owner adds an endpoint in the dashboard,
// copies the secret shown once, and a receiver that checks every signature with the standardwebhooks
// library gets the booking made through the API; then the log, a test event, a new secret, off, and
// deletion, each asked first where it cannot be undone.
const onShop = (baseURL: string | undefined, path: string) =>
  `http://hookshop.localhost:${new URL(baseURL ?? "http://localhost:3107").port}${path}`;
const owner = { email: "owner@hookshop.test", password: "hookshop-owner-pass" };

test("an owner connects a webhook endpoint, sees signed events arrive, and manages it", async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  const received: { type: string; appointmentId?: string }[] = [];
  let secrets: string[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, String(v)]),
      );
      const valid = secrets.some((secret) => {
        try {
          new Webhook(secret).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      if (!valid) return void res.writeHead(401).end("bad signature");
      const payload = JSON.parse(body);
      received.push({ type: payload.type, appointmentId: payload.data?.appointment?.id });
      res.writeHead(200).end("received");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/rendezvous`;
  const api = apiHeaders("hookshop");

  try {
    await signIn(page, owner, onShop(baseURL, "/login"));
    await page.goto(onShop(baseURL, "/admin/settings"));
    await page.getByRole("link", { name: "Manage webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await expect(page.getByText("No endpoint yet.")).toBeVisible();

    // A wrong address is refused with the form kept.
    await page.getByLabel("Endpoint URL").fill("not a url");
    await page.getByLabel("Description (optional)").fill("Our CRM");
    await page.getByRole("button", { name: "Add the endpoint" }).click();
    await expect(page.getByText("Please correct the fields marked below.")).toBeVisible();
    await expect(page.getByLabel("Description (optional)")).toHaveValue("Our CRM");

    await page.getByLabel("Endpoint URL").fill(url);
    await page.getByRole("button", { name: "Add the endpoint" }).click();
    const secret = await page.getByTestId("webhook-secret").inputValue();
    expect(secret).toMatch(/^whsec_/);
    secrets = [secret];
    await expect(page.getByRole("link", { name: `Log and settings: ${url}` })).toBeVisible();

    // A booking through the API reaches the receiver, signed.
    const activityId = await createService(request, api, {
      name: "Consultation",
      durationMinutes: 30,
      price: 50,
    });
    await openEveryDay(request, api);
    const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const booked = await request.post("/api/appointments", {
      headers: { "X-Tenant-Slug": "hookshop" },
      data: {
        activityId,
        dateTime: `${day}T10:00:00`,
        clientInfo: { name: "Hugo Hook", email: "hugo@example.com" },
      },
    });
    expect(booked.status()).toBe(201);
    const appointmentId = (await booked.json()).appointment.id;
    await expect
      .poll(() => received.filter((r) => r.type === "appointment.created"))
      .toEqual([{ type: "appointment.created", appointmentId }]);

    await page.getByRole("link", { name: `Log and settings: ${url}` }).click();
    const log = page.getByTestId("delivery-log");
    await expect(log.getByText("appointment.created")).toBeVisible();
    // The booking's event, and its new customer's.
    await expect(log.getByText("customer.created")).toBeVisible();
    await expect(log.getByText("Delivered")).toHaveCount(2);
    await page.getByRole("button", { name: "Send a test event" }).click();
    await expect(page.getByText("Test event queued")).toBeVisible();
    await expect.poll(() => received.map((r) => r.type)).toContain("webhook.test");
    await page.reload();
    await expect(log.getByText("webhook.test")).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, testInfo, "endpoint-1280");

    // A new secret, asked first; the old one still signs beside it.
    await page.getByRole("link", { name: "New signing secret" }).click();
    await expect(page.getByText("keeps signing beside it for 24 hours")).toBeVisible();
    await page.getByRole("button", { name: "Make a new secret" }).click();
    const fresh = await page.getByTestId("webhook-secret").inputValue();
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(secret);

    // On a phone: the log fits, then the endpoint is turned off.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(onShop(baseURL, `/admin/settings/webhooks`));
    await page.getByRole("link", { name: `Log and settings: ${url}` }).click();
    await expect(page.getByRole("button", { name: "Turn off" })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await screenshot(page, testInfo, "endpoint-375");
    await page.getByRole("button", { name: "Turn off" }).click();
    await expect(page.getByTestId("endpoint-state").first()).toContainText("Turned off");

    await page.getByRole("link", { name: "Delete the endpoint" }).click();
    await expect(page.getByText("with its whole delivery log")).toBeVisible();
    await page.getByRole("button", { name: "Delete the endpoint" }).click();
    await expect(page.getByText("Endpoint deleted.")).toBeVisible();
    await expect(page.getByText("No endpoint yet.")).toBeVisible();
  } finally {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  }
});
