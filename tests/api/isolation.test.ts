import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TENANT_BY_DEFAULT_HEADER } from "@/lib/tenants/resolve-tenant-slug";
import { activityBody, apiClient, client, dayFromToday, openEveryDay } from "../helpers/api";
import { seedTenant, sessionCookie } from "../helpers/fixtures";
import { useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

describe.each(engines)("tenant isolation on %s", (engine) => {
  let handle: TestDatabase;
  let a: Awaited<ReturnType<typeof seedTenant>>;
  let b: Awaited<ReturnType<typeof seedTenant>>;
  let aActivity: string;
  let aAppointment: string;
  let aStaff: string;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
    a = await seedTenant(handle.db);
    b = await seedTenant(handle.db);
    const api = apiClient(a.tenant.slug, { authorization: `Bearer ${a.apiKey}` });
    await api.putAvailability(openEveryDay);
    aActivity = (await api.createActivity(activityBody())).json.activity.id;
    aStaff = (await api.listStaff()).json.staff[0].id;
    const day = dayFromToday(2);
    const slot = (await api.slots({ activityId: aActivity, startDate: day, endDate: day })).json
      .slots[0];
    aAppointment = (
      await api.book({ activityId: aActivity, dateTime: slot.dateTime, clientInfo: client() })
    ).json.appointment.id;
  });
  afterAll(() => handle.close());

  const adminCalls = (api: ReturnType<typeof apiClient>) => ({
    listActivities: () => api.listActivities(),
    createActivity: () => api.createActivity(activityBody({ name: "Intruder" })),
    updateActivity: () => api.updateActivity(aActivity, activityBody({ name: "Hijacked" })),
    deleteActivity: () => api.deleteActivity(aActivity),
    getAvailability: () => api.getAvailability(),
    putAvailability: () => api.putAvailability({ weeklySlots: [], exceptions: [] }),
    listAppointments: () => api.listAppointments(),
    getAppointment: () => api.getAppointment(aAppointment),
    setStatus: () => api.setStatus(aAppointment, "cancelled"),
    deleteAppointment: () => api.deleteAppointment(aAppointment),
    calendar: () => api.calendar({ startDate: dayFromToday(0), endDate: dayFromToday(7) }),
    setModule: () => api.setModule(false),
    listStaff: () => api.listStaff(),
    createStaff: () => api.createStaff({ name: "Intruder" }),
    getStaff: () => api.getStaff(aStaff),
    updateStaff: () => api.updateStaff(aStaff, { name: "Hijacked" }),
    deleteStaff: () => api.deleteStaff(aStaff),
  });

  it("refuses every admin endpoint of A to B's API key and B's owner session with 403", async () => {
    const credentials: Record<string, string>[] = [
      { authorization: `Bearer ${b.apiKey}` },
      { cookie: await sessionCookie(b.owner, b.tenant) },
    ];
    for (const auth of credentials) {
      for (const [name, run] of Object.entries(adminCalls(apiClient(a.tenant.slug, auth)))) {
        const response = await run();
        expect(response.status, name).toBe(403);
        expect(response.json, name).toEqual({ error: "Accès interdit", code: "FORBIDDEN" });
      }
    }
  });

  it("tells a key of another business how to name its own when none was named (the default business was taken)", async () => {
    const byDefault = apiClient(a.tenant.slug, {
      authorization: `Bearer ${b.apiKey}`,
      [TENANT_BY_DEFAULT_HEADER]: "1",
    });
    const refused = await byDefault.listActivities();
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe("FORBIDDEN");
    expect(refused.json.details.tenant).toMatch(/X-Tenant-Slug.*subdomain.*\?tenant=/);
    // A's own key on the default business is served as ever.
    const own = apiClient(a.tenant.slug, {
      authorization: `Bearer ${a.apiKey}`,
      [TENANT_BY_DEFAULT_HEADER]: "1",
    });
    expect((await own.listActivities()).status).toBe(200);
  });

  it("never finds A's rows through B's own endpoints", async () => {
    const asB = adminCalls(apiClient(b.tenant.slug, { authorization: `Bearer ${b.apiKey}` }));
    for (const name of [
      "updateActivity",
      "deleteActivity",
      "getAppointment",
      "setStatus",
      "deleteAppointment",
      "getStaff",
      "updateStaff",
      "deleteStaff",
    ] as const) {
      expect((await asB[name]()).status, name).toBe(404);
    }
    // B's own staff list holds B's owner only; A's staff member is nobody B can book either.
    expect((await asB.listStaff()).json.staff.map((s: { name: string }) => s.name)).toEqual([
      b.owner.name,
    ]);
    expect((await asB.listActivities()).json.activities).toEqual([]);
    expect((await asB.listAppointments()).json.appointments).toEqual([]);
    const bApi = apiClient(b.tenant.slug);
    expect(
      (
        await bApi.slots({
          activityId: aActivity,
          startDate: dayFromToday(1),
          endDate: dayFromToday(1),
        })
      ).status,
    ).toBe(404);
    const booking = await bApi.book({
      activityId: aActivity,
      dateTime: new Date().toISOString(),
      clientInfo: client(),
    });
    expect(booking.status).toBe(404);
    const bActivity = (
      await apiClient(b.tenant.slug, { authorization: `Bearer ${b.apiKey}` }).createActivity(
        activityBody(),
      )
    ).json.activity.id;
    const withAStaff = await bApi.slots({
      activityId: bActivity,
      staffId: aStaff,
      startDate: dayFromToday(1),
      endDate: dayFromToday(1),
    });
    expect(withAStaff.status).toBe(422);
    expect(withAStaff.json.details).toEqual({ staffId: "does not perform this service" });
  });

  it("left A's data untouched", async () => {
    const api = apiClient(a.tenant.slug, { authorization: `Bearer ${a.apiKey}` });
    expect(
      (await api.listActivities()).json.activities.map((x: { name: string }) => x.name),
    ).toEqual(["Massage"]);
    expect((await api.getAppointment(aAppointment)).json.appointment.status).toBe("pending");
    expect((await api.getAvailability()).json.availability.weeklySlots).toHaveLength(7);
    expect((await api.getModule()).json).toEqual({
      enabled: true,
      confirmOnlineBookings: "manual",
    });
    expect((await api.getStaff(aStaff)).json.staff.name).toBe(a.owner.name);
  });
});
