import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, auditLog, tenants } from "@/db/schema";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { emptyBookingForm, fieldProblems, toBookingBody } from "@/lib/booking/booking-form";
import { parseBookingInput } from "@/lib/booking/booking-input";
import { rereadEnv } from "@/lib/env";
import type { AppError } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/errors/to-app-error";
import { addDays } from "@/lib/scheduling/calendar-day";
import { getTenantBySlug } from "@/lib/tenants/find-tenant";
import {
  activityBody,
  apiClient,
  client,
  dayFromToday,
  handlers,
  openBusiness,
  openEveryDay,
  parisAt,
} from "../helpers/api";
import { insertAppointment, seedTenant, sessionCookie } from "../helpers/fixtures";
import { call, useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

const at = parisAt;

describe.each(engines)("appointments API on %s", (engine) => {
  let handle: TestDatabase;
  let biz: Awaited<ReturnType<typeof seedTenant>>;
  let api: ReturnType<typeof apiClient>;
  let publicApi: ReturnType<typeof apiClient>;
  let activity: { id: string; name: string; color: string };
  const day = dayFromToday(3);

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
    ({ biz, api, publicApi } = await openBusiness(handle.db));
    activity = (await api.createActivity(activityBody({ bufferAfterMinutes: 15 }))).json.activity;
  });
  afterAll(() => handle.close());

  const book = (
    dateTime: string,
    extra: Record<string, unknown> = {},
    headers?: Record<string, string>,
  ) =>
    publicApi.book({ activityId: activity.id, dateTime, clientInfo: client(), ...extra }, headers);
  const available = async (dateTime: string) =>
    (
      await publicApi.slots({ activityId: activity.id, startDate: day, endDate: day })
    ).json.slots.find((s: { dateTime: string }) => s.dateTime === dateTime)?.available;

  it("books a free slot publicly: 201, pending, the contract's shape and message", async () => {
    const response = await book(at(day, "10:00"), {
      clientInfo: client({ phone: "+33 6 12 34 56 78" }),
    });
    expect(response.status).toBe(201);
    expect(response.json).toEqual({
      appointment: {
        id: expect.any(String),
        activityId: activity.id,
        activityName: "Massage",
        activityDurationMinutes: 60,
        activityColor: "#2563eb",
        staff: { id: expect.any(String), name: "owner" },
        location: { id: expect.any(String), name: expect.any(String) },
        resource: null,
        classSessionId: null,
        seat: null,
        meetingUrl: null,
        payment: null,
        reminderMinutes: null,
        customerId: expect.any(String),
        dateTime: at(day, "10:00"),
        status: "pending",
        clientInfo: {
          name: "Alice Martin",
          email: "alice@example.com",
          phone: "+33 6 12 34 56 78",
          address: null,
          customFieldValue: null,
        },
        createdAt: expect.stringMatching(/Z$/),
      },
      message: "Rendez-vous créé avec succès",
    });
    expect(await available(at(day, "10:00"))).toBe(false);
    // The 15-minute buffer after 11:00 keeps 11:00 itself free, but a 10:30 start would overlap.
    expect(await available(at(day, "10:30"))).toBe(false);
    expect(await available(at(day, "11:15"))).toBe(true);
  });

  it("refuses a taken, off-grid, closed or too-late time with 409 SLOT_UNAVAILABLE", async () => {
    const closedDay = dayFromToday(5);
    await api.putAvailability({ ...openEveryDay, exceptions: [{ date: closedDay, reason: null }] });
    for (const dateTime of [
      at(day, "10:00"),
      at(day, "10:30"),
      at(day, "12:07"),
      at(day, "08:00"),
      at(day, "16:15"),
      at(closedDay, "10:00"),
      at(addDays(day, 200), "10:00"),
      new Date(Date.now() - 86_400_000).toISOString(),
    ]) {
      const response = await book(dateTime);
      expect(response.status, dateTime).toBe(409);
      expect(response.json, dateTime).toEqual({
        error: "Ce créneau n'est plus disponible",
        code: "SLOT_UNAVAILABLE",
      });
    }
    await api.putAvailability(openEveryDay);
  });

  it("accepts the same instant written with another offset, or as the business's wall-clock time", async () => {
    const utc = at(day, "14:00").replace("Z", "+00:00");
    const response = await book(utc);
    expect(response.status).toBe(201);
    expect(response.json.appointment.dateTime).toBe(at(day, "14:00"));
    const local = await book(`${addDays(day, 1)}T11:00:00`);
    expect(local.status).toBe(201);
    expect(local.json.appointment.dateTime).toBe(at(addDays(day, 1), "11:00"));
  });

  it("requires the fields the activity asks for, naming each one", async () => {
    const strict = (
      await api.createActivity(
        activityBody({
          name: "Strict",
          requiredFields: {
            phone: true,
            address: true,
            customField: true,
            customFieldLabel: "Allergies",
          },
        }),
      )
    ).json.activity;
    const response = await publicApi.book({
      activityId: strict.id,
      dateTime: at(day, "15:00"),
      clientInfo: client(),
    });
    expect(response.status).toBe(422);
    expect(response.json.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(response.json.details).sort()).toEqual([
      "clientInfo.address",
      "clientInfo.customFieldValue",
      "clientInfo.phone",
    ]);
    const bad = await book(at(day, "15:00"), {
      clientInfo: client({ email: "not-an-email", name: " " }),
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.details).sort()).toEqual(["clientInfo.email", "clientInfo.name"]);
    // Every problem at once: the schema's and the activity's required fields together.
    const both = await publicApi.book({
      activityId: strict.id,
      dateTime: at(day, "15:00"),
      clientInfo: client({ email: "not-an-email", address: "1 rue de la Paix" }),
    });
    expect(both.status).toBe(422);
    expect(Object.keys(both.json.details).sort()).toEqual([
      "clientInfo.customFieldValue",
      "clientInfo.email",
      "clientInfo.phone",
    ]);
  });

  it("names an empty required field as a problem a form can mark, when the rest is valid", async () => {
    const phoneFirst = (
      await api.createActivity(
        activityBody({
          name: "Phone first",
          requiredFields: {
            phone: true,
            address: false,
            customField: false,
            customFieldLabel: null,
          },
        }),
      )
    ).json.activity;
    const values = {
      ...emptyBookingForm(at(day, "15:00")).values,
      name: "Léa",
      email: "lea@example.com",
    };
    const tenant = await getTenantBySlug(handle.db, biz.tenant.slug);
    const refused = await bookAppointment(
      handle.db,
      tenant,
      await parseBookingInput(
        handle.db,
        tenant,
        toBookingBody(phoneFirst.id, { staffId: null, locationId: null }, values),
      ),
      new Date(),
    ).catch(toAppError);
    expect(refused).toMatchObject({ code: "VALIDATION_ERROR" });
    // What the public form shows next to the phone field, instead of "could not be saved".
    expect(fieldProblems((refused as AppError).problems ?? {}, values)).toEqual({
      phone: { kind: "required" },
    });
  });

  it("lists, filters and fetches appointments for admins only", async () => {
    const all = await api.listAppointments();
    expect(all.status).toBe(200);
    const times = all.json.appointments.map((a: { dateTime: string }) => a.dateTime);
    expect(times).toEqual([...times].sort());
    expect(all.json.appointments.length).toBeGreaterThanOrEqual(2);

    expect((await api.listAppointments({ status: "confirmed" })).json.appointments).toEqual([]);
    expect(
      (await api.listAppointments({ status: "pending", startDate: day, endDate: day })).json
        .appointments,
    ).toHaveLength(2);
    const later = (await api.listAppointments({ startDate: addDays(day, 1) })).json.appointments;
    expect(later.map((a: { dateTime: string }) => a.dateTime)).toEqual([
      at(addDays(day, 1), "11:00"),
    ]);
    expect((await api.listAppointments({ status: "bogus" })).status).toBe(422);

    const id = all.json.appointments[0].id;
    const one = await api.getAppointment(id);
    expect(one.status).toBe(200);
    expect(one.json.appointment).toEqual(all.json.appointments[0]);
    expect((await publicApi.getAppointment(id)).status).toBe(401);
    expect((await publicApi.listAppointments()).status).toBe(401);
    expect((await api.getAppointment("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("moves statuses along sensible transitions and refuses the others with 422 INVALID_TRANSITION", async () => {
    const id = (await book(at(day, "12:00"))).json.appointment.id;
    const early = await api.setStatus(id, "completed");
    expect(early.status).toBe(422);
    expect(early.json.code).toBe("INVALID_TRANSITION");
    expect((await api.setStatus(id, "no_show")).json.code).toBe("INVALID_TRANSITION");

    const confirmed = await api.setStatus(id, "confirmed");
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.appointment.status).toBe("confirmed");
    expect((await api.setStatus(id, "pending")).json.code).toBe("INVALID_TRANSITION");

    const staff = apiClient(biz.tenant.slug, {
      cookie: await sessionCookie(biz.staff, biz.tenant),
    });
    const cancelled = await staff.setStatus(id, "cancelled");
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.appointment.status).toBe("cancelled");
    for (const status of ["pending", "confirmed", "completed", "no_show"]) {
      expect((await api.setStatus(id, status)).json.code).toBe("INVALID_TRANSITION");
    }
    expect((await api.setStatus(id, "archived")).status).toBe(422);
  });

  it("frees the time at once when an appointment is cancelled", async () => {
    // 12:00 was cancelled just above; 12:00-13:00 plus its 15-minute buffer ends before 14:00.
    expect(await available(at(day, "12:00"))).toBe(true);
    const first = await book(at(day, "12:00"));
    expect(first.status).toBe(201);
    // Read again at once: a cached answer from before the booking must not be served.
    expect(await available(at(day, "12:00"))).toBe(false);
    expect((await book(at(day, "12:00"))).status).toBe(409);
    await api.setStatus(first.json.appointment.id, "cancelled");
    expect(await available(at(day, "12:00"))).toBe(true);
    expect((await book(at(day, "12:00"))).status).toBe(201);
  });

  it("serves availability from its cache until the schedule changes, and afresh with SLOTS_CACHE=off", async () => {
    const quiet = addDays(day, 5);
    const free = async () =>
      (
        await publicApi.slots({ activityId: activity.id, startDate: quiet, endDate: quiet })
      ).json.slots.find((s: { dateTime: string }) => s.dateTime === at(quiet, "11:00"))?.available;
    expect(await free()).toBe(true);
    // Written behind the app's back: no schedule version bumped, so the cached answer stands...
    await insertAppointment(handle.db, {
      tenantId: biz.tenant.id,
      activityId: activity.id,
      startsAt: new Date(at(quiet, "11:00")),
    });
    expect(await free()).toBe(true);
    // ...while an instance without the cache reads the database every time.
    process.env.SLOTS_CACHE = "off";
    rereadEnv();
    try {
      expect(await free()).toBe(false);
    } finally {
      delete process.env.SLOTS_CACHE;
      rereadEnv();
    }
  });

  it("records completed and no-show once the appointment has started", async () => {
    const { id } = await insertAppointment(handle.db, {
      tenantId: biz.tenant.id,
      activityId: activity.id,
      startsAt: new Date(Date.now() - 3_600_000),
    });
    expect((await api.setStatus(id, "completed")).json.appointment.status).toBe("completed");
    expect((await api.setStatus(id, "no_show")).json.appointment.status).toBe("no_show");
  });

  it("deletes an appointment for good (admins), then answers 404", async () => {
    const id = (await book(at(addDays(day, 1), "09:00"))).json.appointment.id;
    const staff = apiClient(biz.tenant.slug, {
      cookie: await sessionCookie(biz.staff, biz.tenant),
    });
    expect((await staff.deleteAppointment(id)).status).toBe(403);
    const deleted = await api.deleteAppointment(id);
    expect(deleted.status).toBe(204);
    expect(deleted.json).toBeNull();
    expect((await api.getAppointment(id)).status).toBe(404);
    expect((await api.deleteAppointment(id)).status).toBe(404);
    expect(await handle.db.select().from(appointments).where(eq(appointments.id, id))).toEqual([]);
  });

  it("replays the first answer to a retried booking with the same Idempotency-Key", async () => {
    const key = { "Idempotency-Key": `retry-${engine}` };
    const first = await book(at(day, "15:30"), {}, key);
    expect(first.status).toBe(201);
    const retry = await book(at(day, "15:30"), {}, key);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    const rows = await handle.db
      .select()
      .from(appointments)
      .where(eq(appointments.startsAt, new Date(at(day, "15:30"))));
    expect(rows).toHaveLength(1);

    const other = await book(at(day, "16:00"), {}, key);
    expect(other.status).toBe(422);
    expect(other.json.details).toHaveProperty(["Idempotency-Key"]);
    // Without the key, the same request is a second booking attempt of a taken slot.
    expect((await book(at(day, "15:30"))).status).toBe(409);
  });

  it("does not keep a key for a failed booking: a retry after the slot frees up books", async () => {
    const key = { "Idempotency-Key": `failed-${engine}` };
    expect((await book(at(day, "10:00"), {}, key)).status).toBe(409);
    const taken = (await api.listAppointments({ status: "pending" })).json.appointments.find(
      (a: { dateTime: string }) => a.dateTime === at(day, "10:00"),
    );
    await api.setStatus(taken.id, "cancelled");
    expect((await book(at(day, "10:00"), {}, key)).status).toBe(201);
  });

  it("shapes the admin calendar for FullCalendar", async () => {
    const response = await api.calendar({ startDate: day, endDate: day });
    expect(response.status).toBe(200);
    const events = response.json.events as Array<Record<string, unknown>>;
    const opening = events.filter(
      (e) =>
        e.type === "availability" && (e.extendedProps as { staffId: unknown }).staffId === null,
    );
    // Each staff member's own hours come too: the owner works the business's.
    const owners = events.filter(
      (e) =>
        e.type === "availability" && (e.extendedProps as { staffId: unknown }).staffId !== null,
    );
    expect(owners.map((e) => [e.start, e.end])).toEqual(opening.map((e) => [e.start, e.end]));
    expect(opening).toEqual([
      {
        id: expect.any(String),
        title: "Disponible",
        start: at(day, "09:00"),
        end: at(day, "17:00"),
        color: expect.stringMatching(/^#/),
        type: "availability",
        status: null,
        extendedProps: {
          appointmentId: null,
          activityId: null,
          activityName: null,
          clientName: null,
          staffId: null,
          staffName: null,
          staffColor: null,
          locationId: null,
          resourceId: null,
          sessionId: null,
          localTime: null,
        },
      },
    ]);
    const booked = events.filter((e) => e.type === "appointment");
    expect(booked.length).toBeGreaterThan(3);
    expect(booked[0]).toEqual({
      id: expect.any(String),
      title: expect.stringContaining("Massage"),
      start: expect.stringMatching(/Z$/),
      end: expect.stringMatching(/Z$/),
      color: "#2563eb",
      type: "appointment",
      status: expect.stringMatching(/pending|confirmed|cancelled|completed|no_show/),
      extendedProps: {
        appointmentId: booked[0]?.id,
        activityId: activity.id,
        activityName: expect.stringContaining("Massage"),
        clientName: expect.any(String),
        staffId: expect.any(String),
        staffName: "owner",
        staffColor: "#2563eb",
        locationId: expect.any(String),
        resourceId: null,
        sessionId: null,
        localTime: null,
      },
    });
    expect((await api.calendar({ startDate: day })).status).toBe(422);
    expect((await publicApi.calendar({ startDate: day, endDate: day })).status).toBe(401);
  });

  it("closes the public endpoints with 403 MODULE_DISABLED while the module is off", async () => {
    expect(await (await api.setModule(false)).json).toEqual({
      enabled: false,
      confirmOnlineBookings: "manual",
    });
    try {
      for (const response of [
        await publicApi.publicActivities(),
        await publicApi.slots({ activityId: activity.id, startDate: day, endDate: day }),
        await book(at(day, "16:00")),
      ]) {
        expect(response.status).toBe(403);
        expect(response.json).toEqual({ error: expect.any(String), code: "MODULE_DISABLED" });
      }
      expect((await publicApi.getModule()).json).toEqual({
        enabled: false,
        confirmOnlineBookings: "manual",
      });
      expect((await api.listActivities()).status).toBe(200);
    } finally {
      await api.setModule(true);
    }
    expect((await publicApi.publicActivities()).status).toBe(200);
  });

  it("confirms customers' bookings as they are made when the business says so, and only theirs", async () => {
    const set = (body: unknown) =>
      call(handlers.moduleSettings.PUT, "PUT", {
        tenant: biz.tenant.slug,
        headers: { authorization: `Bearer ${biz.apiKey}` },
        body,
      });
    expect((await set({})).status).toBe(422);
    expect((await set({ confirmOnlineBookings: "sometimes" })).status).toBe(422);
    const automatic = await set({ confirmOnlineBookings: "automatic" });
    expect(automatic.json).toEqual({ enabled: true, confirmOnlineBookings: "automatic" });
    try {
      const confirmed = await book(at(addDays(day, 5), "09:00"));
      expect(confirmed.json.appointment.status).toBe("confirmed");
      expect((await publicApi.getModule()).json.confirmOnlineBookings).toBe("automatic");
    } finally {
      expect((await set({ confirmOnlineBookings: "manual" })).status).toBe(200);
    }
    expect((await book(at(addDays(day, 5), "14:00"))).json.appointment.status).toBe("pending");
  });

  it("audits every schedule change, without customer details, and bumps the schedule version", async () => {
    const [before] = await handle.db.select().from(tenants).where(eq(tenants.id, biz.tenant.id));
    const id = (await book(at(addDays(day, 2), "10:00"))).json.appointment.id;
    await api.setStatus(id, "confirmed");
    await api.deleteAppointment(id);
    const [after] = await handle.db.select().from(tenants).where(eq(tenants.id, biz.tenant.id));
    expect((after?.scheduleVersion ?? 0) - (before?.scheduleVersion ?? 0)).toBe(3);
    // Bookings leave the catalog alone: what booking caches of activities and hours stays valid.
    expect(after?.catalogVersion).toBe(before?.catalogVersion);

    const entries = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, biz.tenant.id), eq(auditLog.entityId, id)))
      .orderBy(asc(auditLog.createdAt));
    expect(entries.map((e) => [e.action, e.actorType])).toEqual([
      ["appointment.create", "customer"],
      ["appointment.status", "api_key"],
      ["appointment.delete", "api_key"],
    ]);
    expect(entries[1]).toMatchObject({
      before: { status: "pending" },
      after: { status: "confirmed" },
    });
    expect(JSON.stringify(entries)).not.toContain("alice@example.com");
  });

  it("books with the activity and hours as they are now, however recently they changed", async () => {
    const later = addDays(day, 4);
    const own = (await api.createActivity(activityBody({ durationMinutes: 30 }))).json.activity;
    const bookOwn = (hhmm: string) =>
      publicApi.book({ activityId: own.id, dateTime: at(later, hhmm), clientInfo: client() });
    const endOf = async (id: string) => {
      const [row] = await handle.db.select().from(appointments).where(eq(appointments.id, id));
      return row?.endsAt.toISOString();
    };
    const first = await bookOwn("09:00");
    expect(await endOf(first.json.appointment.id)).toBe(at(later, "09:30"));

    expect((await api.updateActivity(own.id, activityBody({ durationMinutes: 90 }))).status).toBe(
      200,
    );
    const second = await bookOwn("10:00");
    expect(await endOf(second.json.appointment.id)).toBe(at(later, "11:30"));

    await api.putAvailability({ ...openEveryDay, exceptions: [{ date: later, reason: null }] });
    expect((await bookOwn("14:00")).json.code).toBe("SLOT_UNAVAILABLE");
    await api.putAvailability(openEveryDay);
    expect((await bookOwn("14:00")).status).toBe(201);

    expect((await api.deleteActivity(own.id)).status).toBe(409); // its bookings are ahead
    await handle.db.delete(appointments).where(eq(appointments.activityId, own.id));
    expect((await api.deleteActivity(own.id)).status).toBe(204);
    expect((await bookOwn("16:00")).status).toBe(404);
  });

  it("speaks English to an English-speaking business", async () => {
    const en = await seedTenant(handle.db, { locale: "en" });
    const enApi = apiClient(en.tenant.slug, { authorization: `Bearer ${en.apiKey}` });
    await enApi.putAvailability(openEveryDay);
    const a = (await enApi.createActivity(activityBody())).json.activity;
    const dateTime = at(day, "10:00");
    const first = await apiClient(en.tenant.slug).book({
      activityId: a.id,
      dateTime,
      clientInfo: client(),
    });
    expect(first.json.message).toBe("Appointment created");
    const second = await apiClient(en.tenant.slug).book({
      activityId: a.id,
      dateTime,
      clientInfo: client(),
    });
    expect(second.json).toEqual({
      error: "This time slot is no longer available",
      code: "SLOT_UNAVAILABLE",
    });
    expect((await apiClient(en.tenant.slug).listAppointments()).json).toEqual({
      error: "Unauthorized",
      code: "UNAUTHORIZED",
    });
  });
});
