import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as visits from "@/app/api/visits/route";
import * as visitSlots from "@/app/api/visits/slots/route";
import { visitSchema } from "@/lib/appointments/schema";
import { bookVisit } from "@/lib/booking/book-visit";
import { cancelByCustomer, rescheduleByCustomer } from "@/lib/booking/manage-booking";
import { getTenantBySlug } from "@/lib/tenants/find-tenant";
import { activityBody, client, dayFromToday, openBusiness, parisAt } from "../helpers/api";
import { call, useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

type Slot = { dateTime: string; available: boolean };

describe.each(engines)("visits of several services on %s", (engine) => {
  let handle: TestDatabase;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());

  /** A salon open 09:00-17:00: a 60-minute cut, a 90-minute colour, the owner and Léa. */
  async function salon() {
    const { api, publicApi, biz } = await openBusiness(handle.db);
    const cut = (await api.createActivity(activityBody({ name: "Cut", durationMinutes: 60 }))).json
      .activity;
    const colour = (await api.createActivity(activityBody({ name: "Colour", durationMinutes: 90 })))
      .json.activity;
    const [owner] = (await api.listStaff()).json.staff;
    const lea = (await api.createStaff({ name: "Léa" })).json.staff;
    const tenant = biz.tenant.slug;
    const slots = (query: Record<string, string>) =>
      call(visitSlots.GET, "GET", {
        tenant,
        path: `/api/visits/slots?${new URLSearchParams(query)}`,
      });
    const book = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      call(visits.POST, "POST", { tenant, body, headers });
    return { api, publicApi, cut, colour, owner, lea, slots, book, tenantSlug: tenant };
  }

  it("offers a visit only when each service, back to back, has someone free, and books all of it", async () => {
    const s = await salon();
    const day = dayFromToday(3);
    const ids = `${s.cut.id},${s.colour.id}`;
    const free = async (time: string, staffId?: string) => {
      const query = { activityIds: ids, startDate: day, endDate: day, ...(staffId && { staffId }) };
      const answer = await s.slots(query);
      expect(answer.status).toBe(200);
      return (answer.json.slots as Slot[]).find((x) => x.dateTime === parisAt(day, time))
        ?.available;
    };
    // 2 h 30 in a day ending at 17:00: 14:30 is the last start; 14:45 is no start at all.
    expect(await free("14:30")).toBe(true);
    expect(await free("14:45")).toBe(false);
    // Léa cuts at 11:00 and the owner at 11:30: at 10:00 nobody is free for the colour at 11:00;
    // at 09:00 the owner is (10:00-11:30), though Léa alone is not.
    for (const [staffId, time, email] of [
      [s.lea.id, "11:00", "a@example.com"],
      [s.owner.id, "11:30", "b@example.com"],
    ] as const) {
      const taken = await s.publicApi.book({
        activityId: s.cut.id,
        staffId,
        dateTime: parisAt(day, time),
        clientInfo: client({ email }),
      });
      expect(taken.status).toBe(201);
    }
    expect(await free("10:00")).toBe(false);
    expect(await free("09:00")).toBe(true);
    expect(await free("09:00", s.lea.id)).toBe(false);
    expect(await free("12:30")).toBe(true);
    expect(await free("12:30", s.lea.id)).toBe(true);

    const booked = await s.book({
      items: [{ activityId: s.cut.id }, { activityId: s.colour.id, staffId: s.lea.id }],
      dateTime: parisAt(day, "12:30"),
      clientInfo: client({ email: "visit@example.com" }),
    });
    expect(booked.status).toBe(201);
    const parts = booked.json.visit.appointments;
    expect(parts.map((a: { activityName: string }) => a.activityName)).toEqual(["Cut", "Colour"]);
    expect(parts.map((a: { dateTime: string }) => a.dateTime)).toEqual([
      parisAt(day, "12:30"),
      parisAt(day, "13:30"),
    ]);
    expect(parts[1].staff.id).toBe(s.lea.id);
    expect(parts[0].staff.id).toBe(s.owner.id);
    // Léa now colours from 13:30: a visit of hers alone at 12:30 no longer fits; the owner's
    // cut ends at 13:30, so one with the owner for the colour still does.
    expect(await free("12:30", s.lea.id)).toBe(false);
    expect(await free("12:30")).toBe(true);
  });

  it("books all or none: of racing visits and single bookings of the same time, none half-books", async () => {
    const s = await salon();
    const day = dayFromToday(4);
    const visitBody = (i: number) => ({
      items: [
        { activityId: s.cut.id, staffId: s.lea.id },
        { activityId: s.colour.id, staffId: s.lea.id },
      ],
      dateTime: parisAt(day, "10:00"),
      clientInfo: client({ email: `v${i}@example.com` }),
    });
    const results = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => s.book(visitBody(i))),
      // A single booking of Léa's colour time, racing the visits.
      ...Array.from({ length: 4 }, (_, i) =>
        s.publicApi.book({
          activityId: s.colour.id,
          staffId: s.lea.id,
          dateTime: parisAt(day, "11:00"),
          clientInfo: client({ email: `single${i}@example.com` }),
        }),
      ),
    ]);
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status !== 201).every((r) => r.status === 409)).toBe(true);
    const held = (await s.api.listAppointments({ startDate: day, endDate: day })).json
      .appointments as { staff: { id: string }; clientInfo: { email: string } }[];
    // A visit that lost left nothing behind: its first half is not booked alone.
    const winner = won[0]?.json;
    expect(held).toHaveLength(winner?.visit ? 2 : 1);
  });

  it("moves and cancels a visit as one through the manage link of any of its parts", async () => {
    const s = await salon();
    const day = dayFromToday(6);
    const tenant = await getTenantBySlug(handle.db, s.tenantSlug);
    const visit = await bookVisit(
      handle.db,
      tenant,
      visitSchema.parse({
        items: [
          { activityId: s.cut.id, staffId: s.lea.id },
          { activityId: s.colour.id, staffId: s.lea.id },
        ],
        dateTime: parisAt(day, "09:00"),
        clientInfo: client({ email: "moves@example.com" }),
      }),
      new Date(),
    );
    const [cut, colour] = visit.appointments;
    // The colour's link moves the colour to 11:00: the whole visit moves an hour later, the
    // colour first.
    await rescheduleByCustomer(
      handle.db,
      tenant,
      colour?.manageToken ?? "",
      Date.parse(parisAt(day, "11:00")),
      new Date(),
    );
    const times = async () =>
      (
        (await s.api.listAppointments({ startDate: day, endDate: day })).json.appointments as {
          id: string;
          dateTime: string;
          status: string;
        }[]
      ).map((a) => [a.id, a.dateTime, a.status]);
    expect(await times()).toEqual([
      [cut?.id, parisAt(day, "10:00"), "pending"],
      [colour?.id, parisAt(day, "11:00"), "pending"],
    ]);
    await cancelByCustomer(handle.db, tenant, cut?.manageToken ?? "", new Date());
    expect((await times()).map(([, , status]) => status)).toEqual(["cancelled", "cancelled"]);
  });

  it("answers bad requests with field details, and replays an Idempotency-Key", async () => {
    const s = await salon();
    const day = dayFromToday(5);
    const yoga = (await s.api.createActivity(activityBody({ name: "Yoga", capacity: 8 }))).json
      .activity;
    const bad = await s.book({ items: [], dateTime: "soon", clientInfo: {} });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.details)).toEqual(
      expect.arrayContaining(["items", "dateTime", "clientInfo.name"]),
    );
    const withClass = await s.book({
      items: [{ activityId: s.cut.id }, { activityId: yoga.id }],
      dateTime: parisAt(day, "10:00"),
      clientInfo: client(),
    });
    expect(withClass.status).toBe(422);
    expect(withClass.json.details).toEqual({ "items.1.activityId": expect.any(String) });
    expect((await s.slots({ activityIds: "nope", startDate: day, endDate: day })).status).toBe(422);
    const body = {
      items: [{ activityId: s.cut.id }, { activityId: s.colour.id }],
      dateTime: parisAt(day, "09:00"),
      clientInfo: client({ email: "again@example.com" }),
    };
    const first = await s.book(body, { "idempotency-key": "visit-1" });
    const again = await s.book(body, { "idempotency-key": "visit-1" });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json.visit.id).toBe(first.json.visit.id);
  });
});
