import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activityBody,
  apiClient,
  client,
  dayFromToday,
  handlers,
  openEveryDay,
} from "../helpers/api";
import { firstStaffId, seedTenant } from "../helpers/fixtures";
import { call, useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

const hostileBodies: Array<[string, string]> = [
  ["empty", ""],
  ["malformed", "{"],
  ["null", "null"],
  ["number", "42"],
  ["string", '"hello"'],
  ["array", "[1,2,3]"],
  ["empty object", "{}"],
  [
    "wrong types",
    '{"name":1,"durationMinutes":"60","price":"free","weeklySlots":"all","status":7,"enabled":"yes","activityId":{},"dateTime":[],"clientInfo":"me"}',
  ],
  [
    "nested nulls",
    '{"requiredFields":null,"reminderSettings":null,"clientInfo":null,"weeklySlots":[null],"exceptions":[null]}',
  ],
  ["prototype pollution", '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'],
  ["huge numbers", '{"durationMinutes":1e309,"price":-1e309,"dayOfWeek":9007199254740993}'],
  [
    "sql-ish strings",
    `{"name":"'; DROP TABLE appointments; --","activityId":"' OR 1=1 --","status":"confirmed' --"}`,
  ],
  ["deep nesting", `${"[".repeat(5000)}${"]".repeat(5000)}`],
  ["oversized", JSON.stringify({ name: "x".repeat(70_000) })],
];

describe.each(engines)("bad input on every endpoint on %s", (engine) => {
  let handle: TestDatabase;
  let tenant: string;
  let auth: Record<string, string>;
  let ids: { activity: string; appointment: string; staff: string };

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
    const biz = await seedTenant(handle.db);
    tenant = biz.tenant.slug;
    auth = { authorization: `Bearer ${biz.apiKey}` };
    const api = apiClient(tenant, auth);
    await api.putAvailability(openEveryDay);
    const activity = (await api.createActivity(activityBody())).json.activity.id;
    const day = dayFromToday(2);
    const slot = (await api.slots({ activityId: activity, startDate: day, endDate: day })).json
      .slots[0];
    const appointment = (
      await api.book({ activityId: activity, dateTime: slot.dateTime, clientInfo: client() })
    ).json.appointment.id;
    ids = { activity, appointment, staff: await firstStaffId(handle.db, biz.tenant.id) };
  });
  afterAll(() => handle.close());

  /** A free start two days ahead, as the slots offer it. */
  const freeSlot = async (api: ReturnType<typeof apiClient>) => {
    const day = dayFromToday(3);
    const { slots } = (await api.slots({ activityId: ids.activity, startDate: day, endDate: day }))
      .json;
    return slots.find((s: { available: boolean }) => s.available).dateTime as string;
  };

  const writes = () =>
    [
      ["POST activities", handlers.activities.POST, "POST", {}],
      ["PUT activity", handlers.activityById.PUT, "PUT", { id: ids.activity }],
      ["PUT availability", handlers.availability.PUT, "PUT", {}],
      ["POST appointments", handlers.appointments.POST, "POST", {}],
      ["PATCH status", handlers.appointmentStatus.PATCH, "PATCH", { id: ids.appointment }],
      ["PUT module", handlers.moduleSettings.PUT, "PUT", {}],
      ["POST staff", handlers.staff.POST, "POST", {}],
      ["PUT staff", handlers.staffById.PUT, "PUT", { id: ids.staff }],
    ] as const;

  it("answers hostile bodies with a 4xx JSON error and a code, never a 500", async () => {
    for (const [name, handler, method, params] of writes()) {
      for (const [label, body] of hostileBodies) {
        const response = await call(handler, method, { tenant, headers: auth, params, body });
        if (name.endsWith("staff") && label === "sql-ish strings") {
          // A name is all a staff member needs: this one is stored as it was sent, nothing more.
          expect(response.status, `${name} ${label}`).toBeLessThan(300);
          expect(response.json.staff.name).toBe("'; DROP TABLE appointments; --");
          continue;
        }
        expect(response.status, `${name} ${label}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${name} ${label}`).toBeLessThan(500);
        expect(response.json.code, `${name} ${label}`).toMatch(/^[A-Z_]+$/);
      }
      const textPlain = await call(handler, method, {
        tenant,
        params,
        body: "{}",
        headers: { ...auth, "content-type": "text/plain" },
      });
      expect(textPlain.status, `${name} text/plain`).toBe(415);
    }
  });

  it("answers hostile ids and query strings with 4xx JSON", async () => {
    const badIds = [
      "x",
      "1",
      "00000000-0000-0000-0000-00000000000g",
      "../../etc/passwd",
      "%00",
      "' OR 1=1",
    ];
    for (const id of badIds) {
      for (const [handler, method] of [
        [handlers.activityById.DELETE, "DELETE"],
        [handlers.appointmentById.GET, "GET"],
        [handlers.appointmentById.DELETE, "DELETE"],
        [handlers.staffById.GET, "GET"],
        [handlers.staffById.DELETE, "DELETE"],
      ] as const) {
        const response = await call(handler, method, { tenant, headers: auth, params: { id } });
        expect(response.status, `${method} ${id}`).toBe(404);
      }
    }
    const queries = [
      "?activityId=&startDate=&endDate=",
      "?activityId=x&startDate=2026-13-45&endDate=2026-01-01",
      "?startDate=99999-01-01&endDate=0",
      "?status=%27&startDate=2026-01-01T25:00:00Z",
      "?ids=,,,&status=pending,,x",
    ];
    for (const query of queries) {
      for (const handler of [
        handlers.slots.GET,
        handlers.appointments.GET,
        handlers.calendar.GET,
        handlers.publicActivities.GET,
      ]) {
        const response = await call(handler, "GET", {
          tenant,
          headers: auth,
          path: `/api/x${query}`,
        });
        expect(response.status, query).toBeLessThan(500);
      }
    }
  });

  it("refuses control characters and unpaired surrogates in text, naming the field", async () => {
    const api = apiClient(tenant, auth);
    const slot = await freeSlot(api);
    for (const bad of ["Lé\u0000a", "x\ud800y", "bell\u0007", "del\u007f"]) {
      const booking = await api.book({
        activityId: ids.activity,
        dateTime: slot,
        clientInfo: client({ name: bad }),
      });
      expect(booking.status, JSON.stringify(bad)).toBe(422);
      expect(booking.json.details).toHaveProperty(["clientInfo.name"]);
      const activity = await api.createActivity(activityBody({ description: bad }));
      expect(activity.status).toBe(422);
      expect(activity.json.details).toHaveProperty("description");
      const hours = await api.putAvailability({
        ...openEveryDay,
        exceptions: [{ date: "2030-01-01", reason: bad }],
      });
      expect(hours.status).toBe(422);
      expect(hours.json.details).toHaveProperty(["exceptions.0.reason"]);
    }
  });

  it("stores text exactly as it was accepted, tabs, newlines and astral characters included", async () => {
    const api = apiClient(tenant, auth);
    const name = "Zoë\tO'Brien 🧘‍♀️ 李";
    const address = "1 rue de l'Église\r\n75001 Paris";
    const booked = await api.book({
      activityId: ids.activity,
      dateTime: await freeSlot(api),
      clientInfo: client({ name, address }),
    });
    expect(booked.status).toBe(201);
    expect(booked.json.appointment.clientInfo).toMatchObject({ name, address });
    const read = await api.getAppointment(booked.json.appointment.id);
    expect(read.json.appointment.clientInfo).toMatchObject({ name, address });
    await api.setStatus(booked.json.appointment.id, "cancelled");
  });

  it("refuses dates outside the years 2000 to 2200 with a 422, on every date parameter", async () => {
    const api = apiClient(tenant, auth);
    const far = [
      ["9999-12-30", "9999-12-31"],
      ["0000-01-01", "0000-01-02"],
      ["1999-12-31", "2000-01-01"],
    ];
    for (const [startDate, endDate] of far) {
      for (const response of [
        await api.slots({ activityId: ids.activity, startDate, endDate }),
        await api.calendar({ startDate, endDate }),
        await api.listAppointments({ startDate }),
      ]) {
        expect(response.status, `${startDate}..${endDate}`).toBe(422);
        expect(response.json.details.startDate).toMatch(/must be a date/);
      }
    }
    for (const dateTime of ["9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z"]) {
      const booking = await api.book({ activityId: ids.activity, dateTime, clientInfo: client() });
      expect(booking.status).toBe(422);
      expect(booking.json.details.dateTime).toMatch(/2000 to 2200/);
    }
    const exception = await api.putAvailability({
      ...openEveryDay,
      exceptions: [{ date: "0000-01-01", reason: null }],
    });
    expect(exception.status).toBe(422);
    expect(exception.json.details).toHaveProperty(["exceptions.0.date"]);
  });

  it("kept the stored data intact", async () => {
    const api = apiClient(tenant, auth);
    expect((await api.listActivities()).json.activities).toHaveLength(1);
    expect((await api.getAppointment(ids.appointment)).json.appointment.status).toBe("pending");
    expect((await api.getAvailability()).json.availability.weeklySlots).toHaveLength(7);
  });
});
