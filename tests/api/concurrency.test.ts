import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityBody, apiClient, client, dayFromToday, openEveryDay } from "../helpers/api";
import { seedTenant } from "../helpers/fixtures";
import { useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

const count = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((acc, s) => {
    acc[s] = (acc[s] ?? 0) + 1;
    return acc;
  }, {});

describe.each(engines)("no double booking under concurrency on %s", (engine) => {
  let handle: TestDatabase;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
    const biz = await seedTenant(handle.db);
    api = apiClient(biz.tenant.slug, { authorization: `Bearer ${biz.apiKey}` });
    await api.putAvailability(openEveryDay);
  });
  afterAll(() => handle.close());

  it("lets exactly one of 100 concurrent bookings of one slot through", async () => {
    const activity = (await api.createActivity(activityBody())).json.activity;
    const day = dayFromToday(2);
    const slot = (await api.slots({ activityId: activity.id, startDate: day, endDate: day })).json
      .slots[4];
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        api.book({
          activityId: activity.id,
          dateTime: slot.dateTime,
          clientInfo: client({ email: `c${i}@example.com` }),
        }),
      ),
    );
    expect(count(results.map((r) => r.status))).toEqual({ 201: 1, 409: 99 });
    expect(
      results.filter((r) => r.status === 409).every((r) => r.json.code === "SLOT_UNAVAILABLE"),
    ).toBe(true);
    const booked = (await api.listAppointments({ status: "pending" })).json.appointments;
    expect(booked).toHaveLength(1);
  });

  it("races overlapping bookings of different activities starting 15 minutes apart the same way", async () => {
    const long = (await api.createActivity(activityBody({ name: "Long", durationMinutes: 90 })))
      .json.activity;
    const short = (
      await api.createActivity(
        activityBody({ name: "Short", durationMinutes: 30, bufferBeforeMinutes: 10 }),
      )
    ).json.activity;
    const day = dayFromToday(3);
    const slots = (await api.slots({ activityId: long.id, startDate: day, endDate: day })).json
      .slots;
    const t0 = Date.parse(slots[8].dateTime);
    const starts = [0, 15, 30, 45, 60].map((m) => new Date(t0 + m * 60_000).toISOString());
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        api.book({
          activityId: i % 2 ? long.id : short.id,
          dateTime: starts[i % starts.length],
          clientInfo: client({ email: `r${i}@example.com` }),
        }),
      ),
    );
    const statuses = count(results.map((r) => r.status));
    expect(Object.keys(statuses).sort()).toEqual(
      Object.keys(statuses)
        .filter((s) => s === "201" || s === "409")
        .sort(),
    );
    const held = (await api.listAppointments({ status: "pending", startDate: day, endDate: day }))
      .json.appointments as Array<{
      dateTime: string;
      activityDurationMinutes: number;
      activityId: string;
    }>;
    expect(held.length).toBe(statuses[201]);
    expect(held.length).toBeGreaterThanOrEqual(1);
    // Whatever won, no two held appointments overlap once buffers are counted.
    const blocked = held
      .map((h) => {
        const start = Date.parse(h.dateTime);
        const before = h.activityId === short.id ? 10 : 0;
        return [start - before * 60_000, start + h.activityDurationMinutes * 60_000] as const;
      })
      .sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < blocked.length; i++) {
      expect(blocked[i]?.[0]).toBeGreaterThanOrEqual(blocked[i - 1]?.[1] ?? 0);
    }
  });
});
