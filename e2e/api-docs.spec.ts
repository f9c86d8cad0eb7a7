import { expect, test } from "./fixtures";

// The explorer is the app's own: its script, styles and the document all come from this server,
// so it works on an install without internet, under the production Content-Security-Policy.
test("the API explorer loads from the app alone and lists the operations", async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? "http://localhost:3107").origin;
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:")) elsewhere.push(url);
  });
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: /Rendezvous API/ })).toBeVisible();
  await expect(page.getByText("Book an appointment").first()).toBeVisible();
  await expect(page.getByText("/api/webhooks/{id}/rotate-secret").first()).toBeVisible();
  expect(elsewhere).toEqual([]);

  const document = await page.request.get("/api/openapi.json");
  expect(document.status()).toBe(200);
  expect((await document.json()).openapi).toBe("3.1.0");
});
