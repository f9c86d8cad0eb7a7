import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/audit/record-audit";
import {
  assertAvailabilityVersion,
  availabilityVersion,
  getAvailability,
  replaceAvailability,
  saveOwnHours,
} from "@/lib/availability/availability";
import { toOwnHoursJson } from "@/lib/availability/own-hours";
import { availabilityInputSchema } from "@/lib/availability/schema";
import { addDays, weekdayOf, zonedInstant } from "@/lib/scheduling/calendar-day";
import { staffInputSchema } from "@/lib/staff/schema";
import { createStaff, getStaff, updateStaff } from "@/lib/staff/staff";
import { activityBody, apiClient, dayFromToday, openEveryDay, parisAt } from "../helpers/api";
import { insertAppointment, seedTenant } from "../helpers/fixtures";
import { useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

const TZ = "Europe/Paris";

describe.each(engines)("availability and slots API on %s", (engine) => {
  let handle: TestDatabase;
  let api: ReturnType<typeof apiClient>;
  let activityId: string;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
    const biz = await seedTenant(handle.db);
    api = apiClient(biz.tenant.slug, { authorization: `Bearer ${biz.apiKey}` });
    activityId = (await api.createActivity(activityBody({ durationMinutes: 60 }))).json.activity.id;
  });
  afterAll(() => handle.close());

  it("replaces weekly slots and exceptions together and reads them back", async () => {
    const body = {
      weeklySlots: [
        { dayOfWeek: 2, startTime: "14:00", endTime: "18:00" },
        { dayOfWeek: 2, startTime: "09:00", endTime: "12:30" },
        { dayOfWeek: 6, startTime: "10:00", endTime: "24:00" },
      ],
      exceptions: [{ date: "2026-12-25", reason: "Noël" }, { date: "2027-01-01T00:00:00.000Z" }],
    };
    const put = await api.putAvailability(body);
    expect(put.status).toBe(200);
    const expected = {
      weeklySlots: [
        { dayOfWeek: 2, startTime: "09:00", endTime: "12:30" },
        { dayOfWeek: 2, startTime: "14:00", endTime: "18:00" },
        { dayOfWeek: 6, startTime: "10:00", endTime: "24:00" },
      ],
      exceptions: [
        { date: "2026-12-25", reason: "Noël" },
        { date: "2027-01-01", reason: null },
      ],
    };
    expect(put.json).toEqual({ availability: expected });
    expect((await api.getAvailability()).json).toEqual({ availability: expected });
  });

  it("refuses overlapping, inverted and midnight-crossing windows with 422 and changes nothing", async () => {
    const before = (await api.getAvailability()).json;
    const response = await api.putAvailability({
      weeklySlots: [
        { dayOfWeek: 1, startTime: "09:00", endTime: "12:00" },
        { dayOfWeek: 1, startTime: "11:00", endTime: "13:00" },
        { dayOfWeek: 3, startTime: "18:00", endTime: "09:00" },
        { dayOfWeek: 5, startTime: "22:00", endTime: "02:00" },
        { dayOfWeek: 7, startTime: "9:00", endTime: "25:00" },
      ],
      exceptions: [{ date: "2026-02-30" }],
    });
    expect(response.status).toBe(422);
    expect(response.json.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(response.json.details).sort()).toEqual([
      "exceptions.0.date",
      "weeklySlots.1.endTime",
      "weeklySlots.2.endTime",
      "weeklySlots.3.endTime",
      "weeklySlots.4.dayOfWeek",
      "weeklySlots.4.endTime",
      "weeklySlots.4.startTime",
    ]);
    expect((await api.getAvailability()).json).toEqual(before);
  });

  it("returns slots of whole days in the tenant's zone, endDate included, in UTC ISO 8601", async () => {
    await api.putAvailability(openEveryDay);
    const first = dayFromToday(2);
    const last = addDays(first, 1);
    const response = await api.slots({ activityId, startDate: first, endDate: last });
    expect(response.status).toBe(200);
    const { slots } = response.json as { slots: { dateTime: string; available: boolean }[] };
    // 09:00 … 16:00 every 15 minutes on two days.
    expect(slots).toHaveLength(2 * 29);
    expect(slots[0]).toEqual({
      dateTime: new Date(zonedInstant(first, 9 * 60, TZ)).toISOString(),
      available: true,
    });
    expect(slots.at(-1)?.dateTime).toBe(new Date(zonedInstant(last, 16 * 60, TZ)).toISOString());
    expect(slots.every((s) => s.dateTime.endsWith("Z"))).toBe(true);
    const times = slots.map((s) => Date.parse(s.dateTime));
    expect(times).toEqual([...new Set(times)].sort((a, b) => a - b));
  });

  it("accepts instants as bounds", async () => {
    const day = dayFromToday(2);
    const from = new Date(zonedInstant(day, 10 * 60, TZ)).toISOString();
    const to = new Date(zonedInstant(day, 11 * 60, TZ)).toISOString();
    const { slots } = (await api.slots({ activityId, startDate: from, endDate: to })).json;
    const expected = [0, 15, 30, 45].map((m) =>
      new Date(zonedInstant(day, 10 * 60 + m, TZ)).toISOString(),
    );
    expect(slots.map((s: { dateTime: string }) => s.dateTime)).toEqual(expected);
    // Without an offset, a date-time is a wall-clock time of the business.
    const local = await api.slots({
      activityId,
      startDate: `${day}T10:00:00`,
      endDate: `${day}T11:00`,
    });
    expect(local.json.slots.map((s: { dateTime: string }) => s.dateTime)).toEqual(expected);
  });

  it("gives no slot on an exception day", async () => {
    const day = dayFromToday(4);
    await api.putAvailability({ ...openEveryDay, exceptions: [{ date: day, reason: "Closed" }] });
    const { slots } = (await api.slots({ activityId, startDate: day, endDate: day })).json;
    expect(slots).toEqual([]);
    await api.putAvailability(openEveryDay);
  });

  it("refuses bad ranges and queries with 422, unknown activities with 404", async () => {
    const day = dayFromToday(1);
    const cases: Array<[Record<string, string | undefined>, number, string]> = [
      [{ activityId, startDate: day, endDate: addDays(day, -1) }, 422, "endDate"],
      [{ activityId, startDate: day, endDate: addDays(day, 92) }, 422, "endDate"],
      [{ activityId, startDate: day }, 422, "endDate"],
      [{ activityId: "x", startDate: day, endDate: day }, 422, "activityId"],
      [{ activityId, startDate: "tomorrow", endDate: day }, 422, "startDate"],
    ];
    for (const [query, status, field] of cases) {
      const response = await api.slots(query);
      expect(response.status, JSON.stringify(query)).toBe(status);
      expect(response.json.details, JSON.stringify(query)).toHaveProperty([field]);
    }
    expect(
      (await api.slots({ activityId, startDate: day, endDate: addDays(day, 91) })).status,
    ).toBe(200);
    const unknown = await api.slots({
      activityId: "00000000-0000-4000-8000-000000000000",
      startDate: day,
      endDate: day,
    });
    expect(unknown.status).toBe(404);
  });

  it("honours minimum notice and the booking horizon", async () => {
    const noticed = (
      await api.createActivity(activityBody({ minimumBookingNoticeHours: 48, maxAdvanceDays: 5 }))
    ).json.activity;
    const from = dayFromToday(0);
    const { slots } = (
      await api.slots({ activityId: noticed.id, startDate: from, endDate: addDays(from, 8) })
    ).json;
    const now = Date.now();
    for (const s of slots as { dateTime: string; available: boolean }[]) {
      const t = Date.parse(s.dateTime);
      const allowed = t >= now + 48 * 3_600_000 && t <= now + 5 * 86_400_000;
      // Only slots far from the boundaries are asserted: the clock moved while the test ran.
      if (
        Math.abs(t - (now + 48 * 3_600_000)) > 60_000 &&
        Math.abs(t - (now + 5 * 86_400_000)) > 60_000
      ) {
        expect(s.available, s.dateTime).toBe(allowed);
      }
    }
    expect(slots.some((s: { available: boolean }) => s.available)).toBe(true);
    expect(weekdayOf(from)).toBeGreaterThanOrEqual(0);
  });
});

describe.each(engines)("a day's first and last slots on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());

  it("are busy when time held just outside the day meets their buffers", async () => {
    const biz = await seedTenant(handle.db);
    const api = apiClient(biz.tenant.slug, { authorization: `Bearer ${biz.apiKey}` });
    await api.putAvailability({
      weeklySlots: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
        dayOfWeek,
        startTime: "00:00",
        endTime: "24:00",
      })),
      exceptions: [],
    });
    const activity = (
      await api.createActivity(
        activityBody({ durationMinutes: 15, bufferBeforeMinutes: 30, bufferAfterMinutes: 30 }),
      )
    ).json.activity;
    const day = dayFromToday(5);
    // The evening before, and just after midnight: both outside the day asked for.
    for (const [date, time, minutes] of [
      [addDays(day, -1), "23:40", 10],
      [addDays(day, 1), "00:05", 5],
    ] as const) {
      const startsAt = new Date(parisAt(date, time));
      await insertAppointment(handle.db, {
        tenantId: biz.tenant.id,
        activityId: activity.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      });
    }
    const { slots } = (await api.slots({ activityId: activity.id, startDate: day, endDate: day }))
      .json as { slots: { dateTime: string; available: boolean }[] };
    const free = (time: string) => slots.find((s) => s.dateTime === parisAt(day, time))?.available;
    expect(["00:00", "00:15", "00:30"].map(free)).toEqual([false, false, true]);
    expect(["23:15", "23:30", "23:45"].map(free)).toEqual([true, false, false]);
  });
});

describe.each(engines)("two editors of a person's own hours on %s", (engine) => {
  it("refuses the save of a form whose person's hours changed meanwhile, and takes one based on them", async () => {
    const handle = await createTestDatabase(engine);
    try {
      const { tenant } = await seedTenant(handle.db);
      const person = await createStaff(
        handle.db,
        tenant,
        staffInputSchema.parse({ name: "Anne" }),
        systemActor,
      );
      const week = (endTime: string) => ({
        name: "Anne",
        weeklySlots: [{ dayOfWeek: 1, startTime: "09:00", endTime }],
      });
      const save = (body: Record<string, unknown>) =>
        saveOwnHours(person.id, body, {
          get: (id) => getStaff(handle.db, tenant.id, id),
          update: (id) =>
            updateStaff(handle.db, tenant, id, staffInputSchema.parse(body), systemActor),
          create: () => Promise.reject(new Error("not a new person")),
        });
      const loaded = availabilityVersion(toOwnHoursJson(person));
      // One tab saves first; the other, still on the hours it loaded, is refused and changes nothing.
      const saved = await save({ ...week("12:00"), basis: loaded });
      await expect(save({ ...week("18:00"), basis: loaded })).rejects.toMatchObject({
        code: "CHANGED_MEANWHILE",
      });
      expect(toOwnHoursJson(await getStaff(handle.db, tenant.id, person.id)).weeklySlots).toEqual([
        { dayOfWeek: 1, startTime: "09:00", endTime: "12:00" },
      ]);
      // Reloaded, it saves, and answers the next basis.
      const next = await save({ ...week("18:00"), basis: saved });
      expect(next).toBe(
        availabilityVersion(toOwnHoursJson(await getStaff(handle.db, tenant.id, person.id))),
      );
      expect(next).not.toBe(saved);
    } finally {
      await handle.close();
    }
  });
});

describe.each(engines)("two editors of the same hours on %s", (engine) => {
  it("refuses the save of a tab whose hours changed meanwhile, and takes the one based on them", async () => {
    const handle = await createTestDatabase(engine);
    try {
      const { tenant } = await seedTenant(handle.db);
      const loaded = availabilityVersion(await getAvailability(handle.db, tenant.id));
      // Another tab saves first.
      await assertAvailabilityVersion(handle.db, tenant.id, loaded);
      await replaceAvailability(
        handle.db,
        tenant,
        availabilityInputSchema.parse(openEveryDay),
        systemActor,
      );
      // This tab, still on the hours it loaded, is refused; reloaded, it is not.
      await expect(assertAvailabilityVersion(handle.db, tenant.id, loaded)).rejects.toMatchObject({
        code: "CHANGED_MEANWHILE",
      });
      const reloaded = availabilityVersion(await getAvailability(handle.db, tenant.id));
      expect(reloaded).not.toBe(loaded);
      await expect(assertAvailabilityVersion(handle.db, tenant.id, reloaded)).resolves.toBe(
        undefined,
      );
    } finally {
      await handle.close();
    }
  });
});
