import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { systemActor } from "@/lib/audit/record-audit";
import { activityBody, apiClient, client, dayFromToday, openEveryDay } from "../helpers/api";
import { insertAppointment, seedTenant, sessionCookie } from "../helpers/fixtures";
import { useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

describe.each(engines)("activities API on %s", (engine) => {
  let handle: TestDatabase;
  let biz: Awaited<ReturnType<typeof seedTenant>>;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
    biz = await seedTenant(handle.db);
    api = apiClient(biz.tenant.slug, { authorization: `Bearer ${biz.apiKey}` });
  });
  afterAll(() => handle.close());

  it("creates an activity with the contract's shape and stores the price in minor units", async () => {
    const created = await api.createActivity(activityBody());
    expect(created.status).toBe(201);
    expect(created.json.activity).toEqual({
      id: expect.any(String),
      ...activityBody(),
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      maxAdvanceDays: 90,
      onlineBooking: true,
      resourceKind: null,
      capacity: 1,
      modes: ["in_person"],
      payment: { rule: "none", depositAmount: null, depositPercent: null },
    });
    const [row] = await handle.db
      .select()
      .from(activities)
      .where(eq(activities.id, created.json.activity.id));
    expect(row?.priceMinor).toBe(3550);
  });

  it("lists activities for admins, and publicly without reminder settings, filtered by ids", async () => {
    const second = (await api.createActivity(activityBody({ name: "Yoga", price: 20 }))).json
      .activity;
    const all = await api.listActivities();
    expect(all.status).toBe(200);
    expect(all.json.activities.map((a: { name: string }) => a.name)).toEqual(["Massage", "Yoga"]);

    const pub = await api.publicActivities();
    expect(pub.status).toBe(200);
    expect(pub.json.activities).toHaveLength(2);
    expect(pub.json.activities[0]).not.toHaveProperty("reminderSettings");
    expect(pub.json.activities[0]).toHaveProperty("minimumBookingNoticeHours", 0);

    const filtered = await api.publicActivities(second.id);
    expect(filtered.json.activities.map((a: { id: string }) => a.id)).toEqual([second.id]);
    expect((await api.publicActivities("not-a-uuid")).status).toBe(422);
  });

  it("replaces an activity with PUT, keeping additive fields a contract client leaves out", async () => {
    const created = (
      await api.createActivity(activityBody({ name: "Facial", bufferAfterMinutes: 10 }))
    ).json.activity;
    const updated = await api.updateActivity(
      created.id,
      activityBody({ name: "Facial deluxe", price: 50 }),
    );
    expect(updated.status).toBe(200);
    expect(updated.json.activity).toMatchObject({
      id: created.id,
      name: "Facial deluxe",
      price: 50,
      bufferAfterMinutes: 10,
    });
  });

  it("gives fields beyond name and duration the defaults of a new activity", async () => {
    const minimal = await api.createActivity({ name: "Walk-in", durationMinutes: 20 });
    expect(minimal.status).toBe(201);
    expect(minimal.json.activity).toMatchObject({
      description: null,
      color: "#2563eb",
      price: 0,
      requiredFields: { phone: false, address: false, customField: false, customFieldLabel: null },
      reminderSettings: { enabled: false, hoursBefore: null },
      minimumBookingNoticeHours: 0,
    });
    const nameless = await api.createActivity({ durationMinutes: 20 });
    expect(nameless.status).toBe(422);
    expect(Object.keys(nameless.json.details)).toEqual(["name"]);
    await api.deleteActivity(minimal.json.activity.id);
  });

  it("validates bodies with a 422 naming each field", async () => {
    const response = await api.createActivity(
      activityBody({
        name: "",
        durationMinutes: 0,
        color: "blue",
        price: -1,
        requiredFields: { phone: false, address: false, customField: true, customFieldLabel: null },
        reminderSettings: { enabled: true, hoursBefore: null },
      }),
    );
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ error: "Données invalides", code: "VALIDATION_ERROR" });
    expect(Object.keys(response.json.details).sort()).toEqual([
      "color",
      "durationMinutes",
      "name",
      "price",
      "reminderSettings.hoursBefore",
      "requiredFields.customFieldLabel",
    ]);
    const refined = await api.createActivity(
      activityBody({
        requiredFields: { phone: false, address: false, customField: true, customFieldLabel: null },
        reminderSettings: { enabled: true, hoursBefore: null },
      }),
    );
    expect(Object.keys(refined.json.details).sort()).toEqual([
      "reminderSettings.hoursBefore",
      "requiredFields.customFieldLabel",
    ]);
  });

  it("answers 404 for unknown and malformed ids", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "nope"]) {
      expect((await api.updateActivity(id, activityBody())).status).toBe(404);
      const deleted = await api.deleteActivity(id);
      expect(deleted.status).toBe(404);
      expect(deleted.json).toEqual({ error: "Ressource non trouvée", code: "NOT_FOUND" });
    }
  });

  it("refuses to delete an activity with upcoming bookings, then deletes it once they are cancelled", async () => {
    expect((await api.putAvailability(openEveryDay)).status).toBe(200);
    const activity = (await api.createActivity(activityBody({ name: "Busy" }))).json.activity;
    const day = dayFromToday(3);
    const slot = (await api.slots({ activityId: activity.id, startDate: day, endDate: day })).json
      .slots[0];
    const booked = await api.book({
      activityId: activity.id,
      dateTime: slot.dateTime,
      clientInfo: client(),
    });
    expect(booked.status).toBe(201);

    const refused = await api.deleteActivity(activity.id);
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe("ACTIVITY_IN_USE");

    expect((await api.setStatus(booked.json.appointment.id, "cancelled")).status).toBe(200);
    expect((await api.deleteActivity(activity.id)).status).toBe(204);
    const names = (await api.listActivities()).json.activities.map((a: { name: string }) => a.name);
    expect(names).not.toContain("Busy");
    expect((await api.publicActivities(activity.id)).json.activities).toEqual([]);
    // The cancelled appointment still names its activity.
    const kept = await api.getAppointment(booked.json.appointment.id);
    expect(kept.json.appointment.activityName).toBe("Busy");
  });

  it("keeps the activity name on past appointments after deletion", async () => {
    const activity = (await api.createActivity(activityBody({ name: "Old" }))).json.activity;
    const row = await insertAppointment(handle.db, {
      tenantId: biz.tenant.id,
      activityId: activity.id,
      startsAt: new Date(Date.now() - 7 * 86_400_000),
      status: "completed",
    });
    expect((await api.deleteActivity(activity.id)).status).toBe(204);
    const listed = await api.listAppointments({ status: "completed" });
    expect(
      listed.json.appointments.find((a: { id: string }) => a.id === row?.id)?.activityName,
    ).toBe("Old");
  });

  it("lets staff read activities but not change them", async () => {
    const staff = apiClient(biz.tenant.slug, {
      cookie: await sessionCookie(biz.staff, biz.tenant),
    });
    expect((await staff.listActivities()).status).toBe(200);
    const refused = await staff.createActivity(activityBody());
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({ error: "Accès interdit", code: "FORBIDDEN" });
    expect((await staff.putAvailability(openEveryDay)).status).toBe(403);
    expect((await staff.setModule(false)).status).toBe(403);
  });

  it("lets a read-only API key read everything and change nothing", async () => {
    const { secret, apiKey } = await createApiKey(
      handle.db,
      biz.tenant.id,
      { name: "dashboard sync", scope: "read" },
      systemActor,
    );
    expect(apiKey.scope).toBe("read");
    const reader = apiClient(biz.tenant.slug, { authorization: `Bearer ${secret}` });
    expect((await reader.listActivities()).status).toBe(200);
    expect((await reader.listAppointments({ limit: "5" })).status).toBe(200);
    expect((await reader.getAvailability()).status).toBe(200);
    const refused = await reader.createActivity(activityBody());
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe("FORBIDDEN");
    expect((await reader.putAvailability(openEveryDay)).status).toBe(403);
    expect((await reader.setModule(false)).status).toBe(403);
    const [row] = await handle.db
      .select()
      .from(activities)
      .where(eq(activities.tenantId, biz.tenant.id));
    expect((await reader.deleteActivity(row?.id ?? "")).status).toBe(403);
  });
});
