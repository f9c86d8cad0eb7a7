import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type Tenant, tenants } from "@/db/schema";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/api-keys";
import { systemActor } from "@/lib/audit/record-audit";
import { rereadEnv } from "@/lib/env";
import { embedOriginsFromText, setEmbedOrigins } from "@/lib/tenants/embed-origins";
import { proxy } from "@/proxy";
import { seedTenant, sessionCookie } from "./helpers/fixtures";
import { useAppDatabase } from "./helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";

// Small limits, set before any module reads the environment.
vi.hoisted(() => {
  Object.assign(process.env, {
    RATE_LIMIT_BOOKING: "3",
    RATE_LIMIT_PUBLIC: "5",
    RATE_LIMIT_API: "4",
  });
});

let ipCounter = 0;
/** An address no other test uses, so that each test starts with full quotas. */
const freshIp = () => `198.51.100.${++ipCounter}`;

describe.each(engines)("proxy.ts on %s", (engine) => {
  let handle: TestDatabase;
  let biz: Awaited<ReturnType<typeof seedTenant>>;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
    biz = await seedTenant(handle.db, { locale: "fr" });
  });
  afterAll(() => handle.close());
  afterEach(() => vi.useRealTimers());

  const send = (
    path: string,
    { method = "GET", ip = "203.0.113.1", headers = {} as Record<string, string> } = {},
  ) =>
    proxy(
      new NextRequest(`http://localhost:3000${path}`, {
        method,
        headers: {
          "x-rendezvous-client-address": ip,
          "x-tenant-slug": biz.tenant.slug,
          ...headers,
        },
      }),
    );

  it("gives every page a CSP with a fresh nonce, handed to the page, and the security headers", async () => {
    const first = await send("/", { ip: freshIp() });
    const second = await send("/", { ip: freshIp() });
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    // What the page renders with: the request's own CSP and nonce headers.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(second.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
    for (const response of [first, await send("/api/appointments/activities/public")]) {
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("permissions-policy")).toContain("camera=()");
      // Plain http here: no HSTS.
      expect(response.headers.get("strict-transport-security")).toBeNull();
    }
    const api = await send("/api/appointments/activities/public", { ip: freshIp() });
    expect(api.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it("lets exactly the sites a business lists frame its booking pages, and nothing else", async () => {
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.id, biz.tenant.id));
    const origins = embedOriginsFromText("https://www.salon.example\nhttp://127.0.0.1:8080/");
    expect(origins).toEqual(["https://www.salon.example", "http://127.0.0.1:8080"]);
    await setEmbedOrigins(handle.db, tenant as Tenant, origins, systemActor);
    try {
      for (const path of ["/", "/book/00000000-0000-4000-8000-000000000000?at=x"]) {
        const page = await send(path, { ip: freshIp() });
        expect(page.headers.get("content-security-policy")).toMatch(
          /frame-ancestors 'self' https:\/\/www\.salon\.example http:\/\/127\.0\.0\.1:8080(;|$)/,
        );
        // X-Frame-Options knows no list: it would refuse them all.
        expect(page.headers.get("x-frame-options")).toBeNull();
      }
      // The dashboard, sign-in, a customer's private link and the API stay unframable.
      for (const path of [
        "/admin",
        "/login",
        "/manage/abc",
        "/api/appointments/activities/public",
      ]) {
        const other = await send(path, { ip: freshIp() });
        expect(other.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
        expect(other.headers.get("x-frame-options")).toBe("DENY");
      }
    } finally {
      await setEmbedOrigins(handle.db, tenant as Tenant, [], systemActor);
    }
    for (const wrong of ["https://www.salon.example/booking", "ftp://files.example", "salon"]) {
      expect(() => embedOriginsFromText(wrong)).toThrow();
    }
  });

  it("answers an undecodable path and a body declared too large with JSON before any work", async () => {
    const undecodable = await send("/api/appointments/%ff%fe", { ip: freshIp() });
    expect(undecodable.status).toBe(404);
    expect(await undecodable.json()).toMatchObject({ code: "NOT_FOUND" });
    const huge = await send("/api/auth/callback/credentials", {
      method: "POST",
      ip: freshIp(),
      headers: { "content-length": String(20 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("refuses a malformed business name (a NUL in ?tenant=) with 404, remembering nothing", async () => {
    for (const path of ["/api/appointments/activities/public?tenant=%00", "/?tenant=a%00b"]) {
      const response = await proxy(
        new NextRequest(`http://localhost:3000${path}`, {
          headers: { "x-rendezvous-client-address": freshIp() },
        }),
      );
      expect(response.status).toBe(404);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
  });

  it("refuses, in production, a request for a host that is not ours, except health probes", async () => {
    vi.stubEnv("NODE_ENV", "production");
    rereadEnv();
    try {
      const to = (host: string, path = "/api/appointments/activities/public", extra = {}) =>
        proxy(
          new NextRequest(`http://${host}${path}`, {
            headers: {
              host,
              "x-rendezvous-client-address": freshIp(),
              "x-rendezvous-local-port": "3000",
              ...extra,
            },
          }),
        );
      const forged = await to("evil.example");
      expect(forged.status).toBe(421);
      expect(await forged.json()).toMatchObject({ code: "MISDIRECTED_REQUEST" });
      expect((await to("evil.example", "/forgot-password")).status).toBe(421);
      expect((await to("localhost:3000", "/", { "x-forwarded-host": "evil.example" })).status).toBe(
        421,
      );
      expect((await to("localhost:4000")).status).toBe(421);
      expect((await to("10.0.0.5:3000", "/api/health")).status).toBe(200);
      expect((await to("localhost:3000")).status).toBe(200);
    } finally {
      vi.unstubAllEnvs();
      rereadEnv();
    }
  });

  it("limits booking per IP with X-RateLimit-* headers, shared by instances, until the window passes", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const ip = freshIp();
    const book = (from = ip) => send("/api/appointments", { method: "POST", ip: from });
    for (const remaining of ["2", "1", "0"]) {
      const allowed = await book();
      expect(allowed.headers.get("x-middleware-next")).toBe("1");
      expect(allowed.headers.get("x-ratelimit-limit")).toBe("3");
      expect(allowed.headers.get("x-ratelimit-remaining")).toBe(remaining);
    }
    const refused = await book();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: "RATE_LIMIT_EXCEEDED" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(Number(refused.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    // Another client is not affected; another instance (new limiters, same database) agrees.
    expect((await book(freshIp())).status).toBe(200);
    (globalThis as { __rendezvousLimiters?: unknown }).__rendezvousLimiters = undefined;
    expect((await book()).status).toBe(429);
    // Customers' changes on the pages (server actions) count against the same limit.
    const action = await send("/manage/x", { method: "POST", ip });
    expect(action.status).toBe(429);
    // A minute later the window has passed.
    vi.setSystemTime(Date.now() + 61_000);
    expect((await book()).status).toBe(200);
  });

  it("answers a page over the limit with a polite page in the business's language", async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await send("/", { ip })).status).toBe(200);
    const refused = await send("/", { ip });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toContain("text/html");
    const html = await refused.text();
    expect(html).toContain('lang="fr"');
    expect(html).toContain("Trop de requêtes");
    expect(html).toContain(biz.tenant.name);
  });

  it("counts an API key's requests against its own quota, not its IP's", async () => {
    const ip = freshIp();
    const withKey = (key: string) =>
      send("/api/appointments", { ip, headers: { authorization: `Bearer ${key}` } });
    for (let i = 0; i < 4; i++) expect((await withKey(biz.apiKey)).status).toBe(200);
    const refused = await withKey(biz.apiKey);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-ratelimit-limit")).toBe("4");
    // The same address without the key still has its public quota.
    expect((await send("/", { ip })).status).toBe(200);
  });

  it("counts a request whose Bearer key is made up, malformed or revoked against its address", async () => {
    const { secret: revokedKey, apiKey } = await createApiKey(
      handle.db,
      biz.tenant.id,
      { name: "old" },
      systemActor,
    );
    await revokeApiKey(handle.db, biz.tenant.id, { id: apiKey.id }, systemActor);
    const randomKey = () =>
      `rvz_${randomBytes(6).toString("hex")}_${randomBytes(32).toString("base64url")}`;
    const bearers = [randomKey, () => "rvz_made_up", () => "not a key at all", () => revokedKey];
    for (const bearer of bearers) {
      // The booking: the address's 3 a minute, whatever key each request carries.
      const ip = freshIp();
      const book = () =>
        send("/api/appointments", {
          method: "POST",
          ip,
          headers: { authorization: `Bearer ${bearer()}` },
        });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await book()).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    }
    for (const path of ["/api/appointments/activities/public", "/", "/api/public/slugs"]) {
      // A public route: the address's 5 a minute, of which each wrong key costs a tenth besides.
      const ip = freshIp();
      const first = await send(path, { ip, headers: { authorization: `Bearer ${randomKey()}` } });
      expect(first.headers.get("x-ratelimit-limit")).toBe("5");
      expect(first.headers.get("x-ratelimit-remaining")).toBe("3");
      const second = await send(path, { ip, headers: { authorization: `Bearer ${randomKey()}` } });
      expect(second.headers.get("x-ratelimit-remaining")).toBe("1");
      expect((await send(path, { ip, headers: { authorization: "Bearer x" } })).status).toBe(429);
    }
  });

  it("sends a signed-in user's API calls to their own business when they name none", async () => {
    const cookie = await sessionCookie(biz.owner, biz.tenant);
    const unnamed = (headers: Record<string, string>) =>
      proxy(
        new NextRequest("http://localhost:3000/api/appointments/calendar", {
          headers: { "x-rendezvous-client-address": freshIp(), ...headers },
        }),
      );
    const forwarded = (response: Response) =>
      response.headers.get("x-middleware-request-x-rendezvous-tenant");
    expect(forwarded(await unnamed({ cookie }))).toBe(biz.tenant.slug);
    // Naming a business still wins; no session, no business.
    expect(forwarded(await unnamed({ cookie, "x-tenant-slug": "other" }))).toBe("other");
    expect(forwarded(await unnamed({}))).toBeNull();
    // Whether the default business was taken is the proxy's to say, never a client's.
    const byDefault = await unnamed({
      "x-tenant-slug": "other",
      "x-rendezvous-tenant-default": "1",
    });
    expect(byDefault.headers.get("x-middleware-request-x-rendezvous-tenant-default")).toBeNull();
  });

  it("never limits health probes, nor Stripe's signed webhook deliveries", async () => {
    const ip = freshIp();
    for (let i = 0; i < 8; i++) {
      const response = await send("/api/health", { ip });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ratelimit-limit")).toBeNull();
      const webhook = await send("/api/payments/webhook", { ip, method: "POST" });
      expect(webhook.headers.get("x-ratelimit-limit")).toBeNull();
    }
    // Any other POST from that address is counted.
    const booking = await send("/api/appointments", { ip, method: "POST" });
    expect(booking.headers.get("x-ratelimit-limit")).not.toBeNull();
  });
});
