import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businessBookingSchema } from "@/lib/appointments/schema";
import {
  appointmentSearchSchema,
  searchAppointments,
} from "@/lib/appointments/search-appointments";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { rescheduleByCustomer } from "@/lib/booking/manage-booking";
import { rescheduleAppointment } from "@/lib/booking/reschedule-appointment";
import { toAppError } from "@/lib/errors/to-app-error";
import { loadBookingWeek } from "@/lib/offer/booking-week";
import { getTenantBySlug } from "@/lib/tenants/find-tenant";
import {
  activityBody,
  apiClient,
  client,
  dayFromToday,
  openBusiness,
  openEveryDay,
  parisAt,
} from "../helpers/api";
import { seedTenant, sessionCookie } from "../helpers/fixtures";
import { useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

const at = parisAt;

const tally = (values: string[]) =>
  values.reduce<Record<string, number>>((acc, v) => {
    acc[v] = (acc[v] ?? 0) + 1;
    return acc;
  }, {});

describe.each(engines)("staff members on %s", (engine) => {
  let handle: TestDatabase;
  let biz: Awaited<ReturnType<typeof seedTenant>>;
  let api: ReturnType<typeof apiClient>;
  let publicApi: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
    ({ biz, api, publicApi } = await openBusiness(handle.db));
  });
  afterAll(() => handle.close());

  /**
   * A business of its own, open 09:00-17:00, with one service and `n` stylists performing it
   * besides its owner (who performs every service, as the first staff member does).
   */
  async function salon(n: number, name: string) {
    const { api, publicApi } = await openBusiness(handle.db);
    const [owner] = (await api.listStaff()).json.staff;
    const activity = (await api.createActivity(activityBody({ name, durationMinutes: 60 }))).json
      .activity;
    const stylists = [];
    for (let i = 0; i < n; i++) {
      const created = await api.createStaff({
        name: `${name} stylist ${i + 1}`,
        color: "#16a34a",
        activityIds: [activity.id],
      });
      expect(created.status).toBe(201);
      stylists.push(created.json.staff);
    }
    return { activity, stylists, owner, api, publicApi };
  }

  it("starts every business with its owner as its one staff member, performing every service", async () => {
    const activity = (await api.createActivity(activityBody({ name: "First" }))).json.activity;
    const { staff } = (await api.listStaff()).json;
    expect(staff).toEqual([
      {
        id: expect.any(String),
        name: biz.owner.name,
        color: "#2563eb",
        userId: biz.owner.id,
        locationId: expect.any(String),
        activityIds: expect.arrayContaining([activity.id]),
        weeklySlots: null,
        exceptions: [],
        createdAt: expect.stringMatching(/Z$/),
      },
    ]);
  });

  it("creates, reads, replaces and deletes staff members, for admins only", async () => {
    const activity = (await api.createActivity(activityBody({ name: "Cut" }))).json.activity;
    const created = await api.createStaff({
      name: "  Chloé  ",
      color: "#DB2777",
      activityIds: [activity.id],
      weeklySlots: [{ dayOfWeek: 2, startTime: "10:00", endTime: "14:00" }],
      exceptions: [{ date: "2027-01-05", reason: "Training" }],
    });
    expect(created.status).toBe(201);
    const chloe = created.json.staff;
    expect(chloe).toMatchObject({
      name: "Chloé",
      color: "#db2777",
      userId: null,
      activityIds: [activity.id],
      weeklySlots: [{ dayOfWeek: 2, startTime: "10:00", endTime: "14:00" }],
      exceptions: [{ date: "2027-01-05", reason: "Training" }],
    });
    expect((await api.getStaff(chloe.id)).json.staff).toEqual(chloe);

    // PUT replaces; activityIds and the colour left out are kept.
    const replaced = await api.updateStaff(chloe.id, { name: "Chloé B.", userId: biz.staff.id });
    expect(replaced.status).toBe(200);
    expect(replaced.json.staff).toMatchObject({
      name: "Chloé B.",
      color: "#db2777",
      userId: biz.staff.id,
      activityIds: [activity.id],
      weeklySlots: null,
      exceptions: [],
    });

    const asStaff = apiClient(biz.tenant.slug, {
      cookie: await sessionCookie(biz.staff, biz.tenant),
    });
    expect((await asStaff.createStaff({ name: "Nope" })).status).toBe(403);
    expect((await asStaff.deleteStaff(chloe.id)).status).toBe(403);
    expect((await publicApi.listStaff()).status).toBe(401);

    // Without a colour, a newcomer takes the first one nobody has (the owner's is blue).
    const newcomer = (await api.createStaff({ name: "Noé" })).json.staff;
    expect(newcomer.color).toBe("#16a34a");

    expect((await api.deleteStaff(chloe.id)).status).toBe(204);
    expect((await api.getStaff(chloe.id)).status).toBe(404);
    expect((await api.listStaff()).json.staff.map((s: { id: string }) => s.id)).not.toContain(
      chloe.id,
    );
  });

  it("names what is wrong with a staff member, field by field", async () => {
    const response = await api.createStaff({
      name: "",
      color: "blue",
      userId: "not-a-uuid",
      activityIds: ["00000000-0000-4000-8000-000000000000"],
      weeklySlots: [
        { dayOfWeek: 1, startTime: "10:00", endTime: "09:00" },
        { dayOfWeek: 7, startTime: "10:00", endTime: "11:00" },
      ],
      exceptions: [
        { date: "2027-02-30", reason: null },
        { date: "2027-03-01", reason: null },
        { date: "2027-03-01", reason: null },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.json.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(response.json.details).sort()).toEqual(
      [
        "name",
        "color",
        "userId",
        "weeklySlots.0.endTime",
        "weeklySlots.1.dayOfWeek",
        "exceptions.0.date",
        "exceptions.2.date",
      ].sort(),
    );
    const unknownService = await api.createStaff({
      name: "Ghost",
      activityIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(unknownService.status).toBe(422);
    expect(unknownService.json.details.activityIds).toMatch(/no such service/);
    const otherBusinessUser = await seedTenant(handle.db);
    const foreignUser = await api.createStaff({
      name: "Ghost",
      userId: otherBusinessUser.owner.id,
    });
    expect(foreignUser.status).toBe(422);
    expect(foreignUser.json.details).toEqual({ userId: "no such user in this business" });
  });

  it("refuses to delete someone with upcoming bookings, or the last staff member", async () => {
    const { activity, stylists, api, publicApi } = await salon(1, "Busy");
    const [stylist] = stylists;
    const day = dayFromToday(4);
    const booked = await publicApi.book({
      activityId: activity.id,
      staffId: stylist.id,
      dateTime: at(day, "10:00"),
      clientInfo: client(),
    });
    expect(booked.status).toBe(201);
    const refused = await api.deleteStaff(stylist.id);
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe("STAFF_IN_USE");
    await api.setStatus(booked.json.appointment.id, "cancelled");
    expect((await api.deleteStaff(stylist.id)).status).toBe(204);

    const lone = await seedTenant(handle.db);
    const loneApi = apiClient(lone.tenant.slug, { authorization: `Bearer ${lone.apiKey}` });
    const [owner] = (await loneApi.listStaff()).json.staff;
    const last = await loneApi.deleteStaff(owner.id);
    expect(last.status).toBe(409);
    expect(last.json.code).toBe("LAST_STAFF_MEMBER");
  });

  it("lets two stylists take two clients at 10:00, and never one stylist two", async () => {
    const { activity, stylists, publicApi } = await salon(1, "Pair");
    const [ana] = stylists;
    const day = dayFromToday(5);
    const first = await publicApi.book({
      activityId: activity.id,
      staffId: ana.id,
      dateTime: at(day, "10:00"),
      clientInfo: client({ email: "one@example.com" }),
    });
    expect(first.status).toBe(201);
    expect(first.json.appointment.staff).toEqual({ id: ana.id, name: ana.name });
    const again = await publicApi.book({
      activityId: activity.id,
      staffId: ana.id,
      dateTime: at(day, "10:30"),
      clientInfo: client({ email: "two@example.com" }),
    });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("SLOT_UNAVAILABLE");
    // No preference: the owner (who performs every service) is still free at 10:00.
    const anyone = await publicApi.book({
      activityId: activity.id,
      dateTime: at(day, "10:00"),
      clientInfo: client({ email: "three@example.com" }),
    });
    expect(anyone.status).toBe(201);
    expect(anyone.json.appointment.staff.id).not.toBe(ana.id);
    // Both are taken now: 10:00 is gone for everyone, and for each of them.
    const slotAt = async (staffId?: string) =>
      (
        await publicApi.slots({ activityId: activity.id, startDate: day, endDate: day, staffId })
      ).json.slots.find((s: { dateTime: string }) => s.dateTime === at(day, "10:00"))?.available;
    expect(await slotAt()).toBe(false);
    expect(await slotAt(ana.id)).toBe(false);
    const full = await publicApi.book({
      activityId: activity.id,
      dateTime: at(day, "10:00"),
      clientInfo: client({ email: "four@example.com" }),
    });
    expect(full.status).toBe(409);
  });

  it("gives 10 concurrent 'no preference' bookings of 10:00 to the 3 free stylists, one each", async () => {
    const { activity, stylists, owner, publicApi } = await salon(3, "Race");
    // The owner performs the service too: keep them busy at 10:00 first.
    const day = dayFromToday(6);
    expect(
      (
        await publicApi.book({
          activityId: activity.id,
          staffId: owner.id,
          dateTime: at(day, "10:00"),
          clientInfo: client({ email: "owner-busy@example.com" }),
        })
      ).status,
    ).toBe(201);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        publicApi.book({
          activityId: activity.id,
          dateTime: at(day, "10:00"),
          clientInfo: client({ email: `race${i}@example.com` }),
        }),
      ),
    );
    expect(tally(results.map((r) => String(r.status)))).toEqual({ 201: 3, 409: 7 });
    const assigned = results
      .filter((r) => r.status === 201)
      .map((r) => r.json.appointment.staff.id)
      .sort();
    expect(assigned).toEqual(stylists.map((s: { id: string }) => s.id).sort());
  });

  it("assigns 'no preference' fairly: the free one with the fewest bookings that day, then the business's order", async () => {
    const { activity, stylists, owner, publicApi } = await salon(2, "Fair");
    const [first, second] = stylists;
    const day = dayFromToday(7);
    const bookAnyone = async (time: string) =>
      (
        await publicApi.book({
          activityId: activity.id,
          dateTime: at(day, time),
          clientInfo: client({ email: `fair-${time.replace(":", "")}@example.com` }),
        })
      ).json.appointment.staff.id;
    // Nobody has a booking that day: the business's order (the owner came first).
    expect(await bookAnyone("09:00")).toBe(owner.id);
    expect(await bookAnyone("11:00")).toBe(first.id);
    expect(await bookAnyone("13:00")).toBe(second.id);
    // Everyone has one: the order again; then whoever is still free with the fewest.
    expect(await bookAnyone("15:00")).toBe(owner.id);
    expect(await bookAnyone("09:00")).toBe(first.id);
  });

  it("hides only a staff member's own slots on their day off, and follows their own hours", async () => {
    const { activity, stylists, owner, api, publicApi } = await salon(1, "Off");
    const [zoe] = stylists;
    const offDay = dayFromToday(8);
    const workDay = dayFromToday(9);
    // Zoé works 12:00-14:00 every day but her day off; the owner is off that day instead.
    expect(
      (
        await api.updateStaff(zoe.id, {
          name: zoe.name,
          activityIds: [activity.id],
          weeklySlots: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
            dayOfWeek,
            startTime: "12:00",
            endTime: "14:00",
          })),
          exceptions: [{ date: offDay, reason: "Dentist" }],
        })
      ).status,
    ).toBe(200);
    const free = async (day: string, staffId?: string) =>
      (
        await publicApi.slots({ activityId: activity.id, startDate: day, endDate: day, staffId })
      ).json.slots
        .filter((s: { available: boolean }) => s.available)
        .map((s: { dateTime: string }) => s.dateTime);
    expect(await free(offDay, zoe.id)).toEqual([]);
    expect(await free(workDay, zoe.id)).toEqual([
      at(workDay, "12:00"),
      at(workDay, "12:15"),
      at(workDay, "12:30"),
      at(workDay, "12:45"),
      at(workDay, "13:00"),
    ]);
    expect((await free(offDay)).length).toBe((await free(offDay, owner.id)).length);
    expect(await free(offDay)).toContain(at(offDay, "09:00"));
    // Zoé cannot be booked on her day off, even by name.
    const refused = await publicApi.book({
      activityId: activity.id,
      staffId: zoe.id,
      dateTime: at(offDay, "12:00"),
      clientInfo: client(),
    });
    expect(refused.status).toBe(409);
    // Her reason stays private: the business page's closed days are the business's only.
    expect(
      JSON.stringify(
        (await publicApi.slots({ activityId: activity.id, startDate: offDay, endDate: offDay }))
          .json,
      ),
    ).not.toContain("Dentist");
  });

  it("refuses a staff member who does not perform the service", async () => {
    const { activity, api, publicApi } = await salon(0, "Solo");
    const other = (await api.createStaff({ name: "Not for this", activityIds: [] })).json.staff;
    const day = dayFromToday(10);
    const booking = await publicApi.book({
      activityId: activity.id,
      staffId: other.id,
      dateTime: at(day, "10:00"),
      clientInfo: client(),
    });
    expect(booking.status).toBe(422);
    expect(booking.json.details).toEqual({ staffId: "does not perform this service" });
  });
});

describe.each(engines)(
  "moving and booking with staff members, as the business, on %s",
  (engine) => {
    let handle: TestDatabase;

    beforeAll(async () => {
      handle = await createTestDatabase(engine);
      useAppDatabase(handle);
    });
    afterAll(() => handle.close());

    it("moves an appointment to another staff member who performs it, never onto someone busy", async () => {
      const biz = await seedTenant(handle.db);
      const api = apiClient(biz.tenant.slug, { authorization: `Bearer ${biz.apiKey}` });
      await api.putAvailability(openEveryDay);
      const activity = (await api.createActivity(activityBody({ durationMinutes: 60 }))).json
        .activity;
      const ines = (await api.createStaff({ name: "Inès", activityIds: [activity.id] })).json.staff;
      const other = (await api.createStaff({ name: "Other", activityIds: [] })).json.staff;
      const [owner] = (await api.listStaff()).json.staff;
      const day = dayFromToday(3);
      const tenant = biz.tenant;
      const now = new Date();
      const book = (staffId: string, time: string) =>
        bookAppointment(
          handle.db,
          tenant,
          businessBookingSchema.parse({
            activityId: activity.id,
            staffId,
            dateTime: at(day, time),
            clientInfo: { name: "Walk-in" },
          }),
          now,
          { type: "user", id: biz.owner.id, label: "owner" },
          { status: "confirmed" },
        );
      const withOwner = await book(owner.id, "10:00");
      expect(withOwner.staffName).toBe(owner.name);
      await book(ines.id, "11:00");
      const start = Date.parse(at(day, "10:00"));
      const actor = { type: "user" as const, id: biz.owner.id, label: "owner" };
      // Same time, with Inès: free at 10:00, so the appointment changes hands.
      const moved = await rescheduleAppointment(
        handle.db,
        tenant,
        withOwner.id,
        start,
        now,
        actor,
        {
          staffId: ines.id,
        },
      );
      expect(moved.staffId).toBe(ines.id);
      expect(moved.staffName).toBe("Inès");
      // Back to 10:30 with Inès overlaps her 11:00 client.
      const overlap = await rescheduleAppointment(
        handle.db,
        tenant,
        withOwner.id,
        start + 30 * 60_000,
        now,
        actor,
      ).catch(toAppError);
      expect(overlap).toMatchObject({ code: "SLOT_UNAVAILABLE" });
      // Someone who does not perform the service cannot take it.
      await expect(
        rescheduleAppointment(handle.db, tenant, withOwner.id, start, now, actor, {
          staffId: other.id,
        }),
      ).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
      const audit = (await api.getAppointment(withOwner.id)).json.appointment;
      expect(audit.staff).toEqual({ id: ines.id, name: "Inès" });
      // The appointments table filters by person: both of Inès's now, none of the owner's.
      const byStaff = async (staff: string) =>
        (
          await searchAppointments(handle.db, tenant, appointmentSearchSchema.parse({ staff }))
        ).rows.map((r) => r.staffName);
      expect(await byStaff(ines.id)).toEqual(["Inès", "Inès"]);
      expect(await byStaff(owner.id)).toEqual([]);
    });
  },
);

describe.each(engines)(
  "a customer's move when their staff member left the service, on %s",
  (engine) => {
    let handle: TestDatabase;

    beforeAll(async () => {
      handle = await createTestDatabase(engine);
      useAppDatabase(handle);
    });
    afterAll(() => handle.close());

    it("goes to whoever performs it now, as the reschedule page offers anyone's times", async () => {
      const { biz, api } = await openBusiness(handle.db);
      const activity = (await api.createActivity(activityBody())).json.activity;
      const ines = (await api.createStaff({ name: "Inès", activityIds: [activity.id] })).json.staff;
      const [owner] = (await api.listStaff()).json.staff;
      const day = dayFromToday(4);
      const booked = await bookAppointment(
        handle.db,
        biz.tenant,
        businessBookingSchema.parse({
          activityId: activity.id,
          staffId: ines.id,
          dateTime: at(day, "10:00"),
          clientInfo: { name: "Ana", email: "ana@example.com" },
        }),
        new Date(),
      );
      // Inès stops performing it; her booking stays hers until it moves.
      await api.updateStaff(ines.id, { name: "Inès", activityIds: [] });
      // As every request does, the business is read afresh (its catalog version moved).
      const tenant = await getTenantBySlug(handle.db, biz.tenant.slug);
      const week = await loadBookingWeek(
        handle.db,
        tenant,
        activity.id,
        { timeZone: "Europe/Paris", week: day, staffId: ines.id },
        new Date(),
      );
      expect(week.staffId).toBeNull();
      const moved = await rescheduleByCustomer(
        handle.db,
        tenant,
        booked.manageToken,
        Date.parse(at(day, "14:00")),
        new Date(),
      );
      expect(moved.staffId).toBe(owner.id);
      expect(moved.startsAt.toISOString()).toBe(at(day, "14:00"));
    });
  },
);
