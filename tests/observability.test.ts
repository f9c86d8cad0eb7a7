import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as healthDetailed from "@/app/api/health/detailed/route";
import * as health from "@/app/api/health/route";
import * as metricsRoute from "@/app/api/metrics/route";
import { openDatabase } from "@/db/client";
import { appointments } from "@/db/schema";
import { routeLabel } from "@/lib/http/route-label";
import { describeError } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import { activityBody, apiClient, client, dayFromToday, openEveryDay } from "./helpers/api";
import { seedTenant } from "./helpers/fixtures";
import { useAppDatabase } from "./helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";

const TOKEN = "metrics-token-for-the-tests";
vi.hoisted(() => {
  process.env.METRICS_TOKEN = "metrics-token-for-the-tests";
});

describe.each(engines)("logs, health and metrics on %s", (engine) => {
  let handle: TestDatabase;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());

  it("keeps a failed query's parameters out of its error, however it is printed", async () => {
    const { tenant } = await seedTenant(handle.db);
    const secret = "alice.secret@example.com";
    const failure = await handle.db
      .insert(appointments)
      // A NUL in text: PostgreSQL refuses the row (22021), with the customer's e-mail beside it.
      .values({
        tenantId: tenant.id,
        activityId: "00000000-0000-4000-8000-000000000000",
        staffId: "00000000-0000-4000-8000-000000000000",
        locationId: "00000000-0000-4000-8000-000000000000",
        startsAt: new Date(),
        endsAt: new Date(),
        blockedFrom: new Date(),
        blockedUntil: new Date(),
        clientName: "x\u0000y",
        clientEmail: secret,
        manageTokenHash: "x",
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(Error);
    for (const printed of [
      String(failure),
      inspect(failure, { depth: 5 }),
      JSON.stringify(failure),
      describeError(failure),
      (failure as Error).stack ?? "",
    ]) {
      expect(printed).not.toContain(secret);
      expect(printed).not.toContain("x\u0000y");
    }
    // What the log keeps is enough to act on.
    expect(describeError(failure)).toMatch(/database error (22021|22P05)/);
  });

  it("answers /api/health 200 with the database and 503 without it", async () => {
    expect((await health.GET()).status).toBe(200);
    const closed = await openDatabase({});
    await closed.close();
    useAppDatabase(closed);
    try {
      const down = await health.GET();
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: "error" });
      const detailed = await healthDetailed.GET(new Request("http://x/api/health/detailed"));
      expect(detailed.status).toBe(503);
      expect(await detailed.json()).toEqual({ status: "error" });
    } finally {
      useAppDatabase(handle);
    }
  });

  it("tells the details and the metrics only to the holder of METRICS_TOKEN", async () => {
    const get = (route: typeof metricsRoute | typeof healthDetailed, token?: string) =>
      route.GET(
        new Request("http://x/", {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        }),
      );
    expect(await (await get(healthDetailed)).json()).toEqual({ status: "ok" });
    const details = await (await get(healthDetailed, TOKEN)).json();
    expect(details).toMatchObject({ status: "ok", checks: { database: { status: "ok" } } });
    expect(details.version).toBeTruthy();

    expect((await get(metricsRoute)).status).toBe(401);
    expect((await get(metricsRoute, `${TOKEN}x`)).status).toBe(401);
    metrics().requests.observe({ method: "GET", route: "/api/health", status: 200 }, 0.01);
    metrics().bookings.inc({ outcome: "SLOT_UNAVAILABLE" });
    const scraped = await get(metricsRoute, TOKEN);
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get("content-type")).toContain("text/plain");
    const text = await scraped.text();
    expect(text).toMatch(
      /rendezvous_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} [1-9]/,
    );
    expect(text).toMatch(/rendezvous_bookings_total\{outcome="SLOT_UNAVAILABLE"\} [1-9]/);
    expect(text).toContain("rendezvous_database_queries_in_flight");
    expect(text).toContain("rendezvous_rate_limited_total");
  });

  it("counts bookings created and refused, by reason", async () => {
    const count = async (outcome: string) =>
      (await metrics().bookings.get()).values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
    const before = { created: await count("created"), taken: await count("SLOT_UNAVAILABLE") };
    const biz = await seedTenant(handle.db);
    const api = apiClient(biz.tenant.slug, { authorization: `Bearer ${biz.apiKey}` });
    await api.putAvailability(openEveryDay);
    const activityId = (await api.createActivity(activityBody())).json.activity.id;
    const day = dayFromToday(2);
    const [slot] = (await api.slots({ activityId, startDate: day, endDate: day })).json.slots;
    const booking = { activityId, dateTime: slot.dateTime, clientInfo: client() };
    expect((await api.book(booking)).status).toBe(201);
    expect((await api.book(booking)).status).toBe(409);
    expect(await count("created")).toBe(before.created + 1);
    expect(await count("SLOT_UNAVAILABLE")).toBe(before.taken + 1);
  });
});

describe("routeLabel", () => {
  it("names routes without ids or tokens, and folds unknown paths into one label", () => {
    expect(routeLabel("/api/appointments/1b4e28ba-2fa1-11d2-883f-0016d3cca427/status")).toBe(
      "/api/appointments/:id/status",
    );
    expect(routeLabel(`/manage/${"a".repeat(43)}/reschedule`)).toBe("/manage/:token/reschedule");
    const id = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    expect(routeLabel(`/manage/acc.${id}.${id}.${"b".repeat(43)}`)).toBe("/manage/:token");
    expect(routeLabel(`/review/${"c".repeat(43)}`)).toBe("/review/:token");
    expect(routeLabel(`/api/me/payments/${id}/receipt.pdf`)).toBe(
      "/api/me/payments/:id/receipt.pdf",
    );
    expect(routeLabel("/book/1b4e28ba-2fa1-11d2-883f-0016d3cca427")).toBe("/book/:id");
    expect(routeLabel("/api/health")).toBe("/api/health");
    expect(routeLabel("/admin/settings/audit")).toBe("/admin/settings/audit");
    expect(routeLabel("/wp-login.php")).toBe("other");
    expect(routeLabel("/api/appointments/../../etc/passwd")).toBe("other");
  });
});
