import { expect, test } from "./fixtures";
import { apiKeyOf, E2E_METRICS_TOKEN } from "./support";

/** The e2e server's port (E2E_PORT, 3107 by default): a Host header must name it. */
const portOf = (baseURL: string | undefined) => new URL(baseURL ?? "http://localhost:3107").port;

test("health answers ok; the details and the metrics need the metrics token", async ({
  request,
}) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });

  const anonymous = await request.get("/api/health/detailed");
  expect(await anonymous.json()).toEqual({ status: "ok" });
  expect((await request.get("/api/metrics")).status()).toBe(401);

  const auth = { authorization: `Bearer ${E2E_METRICS_TOKEN}` };
  const metrics = await request.get("/api/metrics", { headers: auth });
  expect(metrics.status()).toBe(200);
  expect(await metrics.text()).toContain("rendezvous_http_request_duration_seconds_bucket");
  const detailed = await request.get("/api/health/detailed", { headers: auth });
  expect(detailed.status()).toBe(200);
  expect(await detailed.json()).toMatchObject({
    status: "ok",
    version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    checks: { database: { status: "ok", driver: "pglite" } },
  });
});

test("an unknown tenant is a JSON 404 TENANT_NOT_FOUND on the API, whatever the source", async ({
  request,
  baseURL,
}) => {
  for (const response of [
    await request.get("/api/settings/appointment-module", {
      headers: { "X-Tenant-Slug": "ghost" },
    }),
    await request.get("/api/settings/appointment-module?tenant=ghost"),
    await request.get("/api/settings/appointment-module", {
      headers: { Host: `ghost.localhost:${portOf(baseURL)}` },
    }),
  ]) {
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(await response.json()).toMatchObject({
      code: "TENANT_NOT_FOUND",
      error: expect.any(String),
    });
  }
});

test("the tenant comes from the subdomain before the header, the header before ?tenant=", async ({
  request,
  baseURL,
}) => {
  // Only acme (en) and demo (fr) exist: the 401 message's language shows which one answered.
  // The Host header stands for a browser on acme.localhost (Node cannot resolve *.localhost).
  const put = (url: string, headers: Record<string, string> = {}) =>
    request.put(url, { data: { enabled: true }, headers }).then((r) => r.json());
  expect(
    (
      await put("/api/settings/appointment-module", {
        Host: `acme.localhost:${portOf(baseURL)}`,
        "X-Tenant-Slug": "demo",
      })
    ).error,
  ).toBe("Unauthorized");
  expect(
    (await put("/api/settings/appointment-module?tenant=demo", { "X-Tenant-Slug": "acme" })).error,
  ).toBe("Unauthorized");
  expect((await put("/api/settings/appointment-module?tenant=acme")).error).toBe("Unauthorized");
  expect((await put("/api/settings/appointment-module")).error).toBe("Non autorisé");
});

test("admin endpoints need credentials of the same business", async ({ request }) => {
  const anonymous = await request.put("/api/settings/appointment-module", {
    data: { enabled: false },
  });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ error: "Non autorisé", code: "UNAUTHORIZED" });

  const bogusKey = await request.put("/api/settings/appointment-module", {
    data: { enabled: false },
    headers: { Authorization: "Bearer rvz_aaaaaaaaaaaa_bogus" },
  });
  expect(bogusKey.status()).toBe(401);

  const state = await request.get("/api/settings/appointment-module");
  expect(await state.json()).toEqual({ enabled: true, confirmOnlineBookings: "manual" });
});

// Switches acme, not demo: the booking spec books demo's slots in the other worker meanwhile.
test("an API key switches the module; another business's key is refused with 403", async ({
  request,
}) => {
  const url = "/api/settings/appointment-module?tenant=acme";
  const as = (tenant: "demo" | "acme") => ({ Authorization: `Bearer ${apiKeyOf(tenant)}` });

  const foreign = await request.put(url, { data: { enabled: false }, headers: as("demo") });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toEqual({ error: "Forbidden", code: "FORBIDDEN" });

  try {
    const off = await request.put(url, { data: { enabled: false }, headers: as("acme") });
    expect(off.status()).toBe(200);
    expect(await off.json()).toEqual({ enabled: false, confirmOnlineBookings: "manual" });
    expect(await (await request.get(url)).json()).toEqual({
      enabled: false,
      confirmOnlineBookings: "manual",
    });
    const closed = await request.get("/api/appointments/activities/public?tenant=acme");
    expect(closed.status()).toBe(403);
    expect(await closed.json()).toEqual({
      error: "Online booking is disabled",
      code: "MODULE_DISABLED",
    });
  } finally {
    await request.put(url, { data: { enabled: true }, headers: as("acme") });
  }
  expect(await (await request.get(url)).json()).toEqual({
    enabled: true,
    confirmOnlineBookings: "manual",
  });
});

test("bad bodies get a 4xx JSON error with a stable code, never a 500", async ({ request }) => {
  const url = "/api/settings/appointment-module";
  const auth = { Authorization: `Bearer ${apiKeyOf("demo")}` };
  const cases: Array<[string, Record<string, string>, string, number, string]> = [
    ["malformed JSON", { "content-type": "application/json" }, "{not json", 400, "INVALID_JSON"],
    [
      "wrong content type",
      { "content-type": "text/plain" },
      '{"enabled":true}',
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    [
      "over 64 KB",
      { "content-type": "application/json" },
      JSON.stringify({ enabled: true, pad: "x".repeat(70_000) }),
      413,
      "PAYLOAD_TOO_LARGE",
    ],
    [
      "wrong type",
      { "content-type": "application/json" },
      '{"enabled":"yes"}',
      422,
      "VALIDATION_ERROR",
    ],
    ["array", { "content-type": "application/json" }, "[]", 422, "VALIDATION_ERROR"],
    ["null", { "content-type": "application/json" }, "null", 422, "VALIDATION_ERROR"],
  ];
  for (const [name, headers, data, status, code] of cases) {
    // A Buffer is sent byte for byte; a string would be JSON-encoded first.
    const response = await request.put(url, {
      headers: { ...auth, ...headers },
      data: Buffer.from(data),
    });
    expect(response.status(), name).toBe(status);
    expect(response.headers()["content-type"], name).toContain("application/json");
    expect((await response.json()).code, name).toBe(code);
  }
  const invalid = await request.put(url, { headers: auth, data: { enabled: "yes" } });
  expect((await invalid.json()).details).toEqual({ enabled: expect.any(String) });
  expect(await (await request.get(url)).json()).toEqual({
    enabled: true,
    confirmOnlineBookings: "manual",
  });
});
