import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlStateOf } from "@/db/client";
import { zonedInstant } from "@/lib/scheduling/calendar-day";
import {
  activityBody,
  apiClient,
  client,
  dayFromToday,
  openBusiness,
  parisAt,
} from "../helpers/api";
import { insertAppointment, seedTenant } from "../helpers/fixtures";
import { useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

const ROOM = "Treatment room";
const MONTREAL = "America/Toronto";
const wallClock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(
    new Date(iso),
  );
const everyDay = (startTime: string, endTime: string) =>
  [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startTime, endTime }));

describe.each(engines)("resources and locations on %s", (engine) => {
  let handle: TestDatabase;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());

  type Api = Awaited<ReturnType<typeof openBusiness>>["api"];

  /** A spa open 09:00-17:00 with two therapists (the owner and one more) and `rooms` rooms. */
  async function spa(rooms: number) {
    const { api, publicApi, biz } = await openBusiness(handle.db);
    const massage = (
      await api.createActivity(activityBody({ name: "Massage", resourceKind: ROOM }))
    ).json.activity;
    const facial = (await api.createActivity(activityBody({ name: "Facial", resourceKind: ROOM })))
      .json.activity;
    const [owner] = (await api.listStaff()).json.staff;
    const therapist = (await api.createStaff({ name: "Théo" })).json.staff;
    const created = [];
    for (let i = 1; i <= rooms; i++) {
      const room = await api.createResource({ name: `Room ${i}`, kind: ROOM });
      expect(room.status).toBe(201);
      created.push(room.json.resource);
    }
    return { api, publicApi, biz, massage, facial, owner, therapist, rooms: created };
  }

  const freeAt = async (api: Api, activityId: string, day: string, time: string) => {
    const { slots } = (await api.slots({ activityId, startDate: day, endDate: day })).json;
    return slots.find((s: { dateTime: string }) => s.dateTime === parisAt(day, time))?.available;
  };

  it("creates, reads, replaces and deletes resources, for admins only", async () => {
    const { api, publicApi, rooms } = await spa(1);
    const [room] = rooms;
    expect(room).toMatchObject({ name: "Room 1", kind: ROOM, weeklySlots: null, exceptions: [] });
    expect((await api.getResource(room.id)).json.resource.id).toBe(room.id);
    const renamed = await api.updateResource(room.id, {
      name: "Blue room",
      kind: ROOM,
      exceptions: [{ date: "2027-02-01", reason: "Painting" }],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json.resource).toMatchObject({ name: "Blue room", locationId: room.locationId });
    expect((await publicApi.listResources()).status).toBe(401);
    const bad = await api.createResource({ name: "", kind: "x".repeat(81) });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.details).sort()).toEqual(["kind", "name"]);
    expect((await api.deleteResource(room.id)).status).toBe(204);
    expect((await api.getResource(room.id)).status).toBe(404);
  });

  it("offers a time only when a therapist and a room are both free, and books both", async () => {
    const { api, publicApi, massage, facial, owner, therapist, rooms } = await spa(1);
    const day = dayFromToday(3);
    expect(await freeAt(publicApi, massage.id, day, "10:00")).toBe(true);
    // The owner gives a facial at 10:00 in the only room: Théo is free, the room is not.
    const facialBooking = await publicApi.book({
      activityId: facial.id,
      staffId: owner.id,
      dateTime: parisAt(day, "10:00"),
      clientInfo: client({ email: "facial@example.com" }),
    });
    expect(facialBooking.status).toBe(201);
    expect(facialBooking.json.appointment.resource).toEqual({ id: rooms[0].id, name: "Room 1" });
    expect(await freeAt(publicApi, massage.id, day, "10:00")).toBe(false);
    expect(await freeAt(publicApi, massage.id, day, "11:00")).toBe(true);
    const refused = await publicApi.book({
      activityId: massage.id,
      staffId: therapist.id,
      dateTime: parisAt(day, "10:00"),
      clientInfo: client(),
    });
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe("SLOT_UNAVAILABLE");

    // A second room: Théo can take the massage at 10:00 in it.
    const second = (await api.createResource({ name: "Room 2", kind: ROOM })).json.resource;
    expect(await freeAt(publicApi, massage.id, day, "10:00")).toBe(true);
    const booked = await publicApi.book({
      activityId: massage.id,
      dateTime: parisAt(day, "10:00"),
      clientInfo: client(),
    });
    expect(booked.status).toBe(201);
    expect(booked.json.appointment.staff.id).toBe(therapist.id);
    expect(booked.json.appointment.resource).toEqual({ id: second.id, name: "Room 2" });
    expect(await freeAt(publicApi, massage.id, day, "10:00")).toBe(false);

    // A room with upcoming bookings stays.
    const inUse = await api.deleteResource(second.id);
    expect(inUse.status).toBe(409);
    expect(inUse.json.code).toBe("RESOURCE_IN_USE");
  });

  it("offers nothing for a service needing a kind of resource the business has none of", async () => {
    const { api, publicApi } = await openBusiness(handle.db);
    const scan = (await api.createActivity(activityBody({ name: "Scan", resourceKind: "MRI" })))
      .json.activity;
    const day = dayFromToday(2);
    const { slots } = (await publicApi.slots({ activityId: scan.id, startDate: day, endDate: day }))
      .json;
    expect(slots).toEqual([]);
  });

  it("has the database refuse one room twice at once, whoever performs it", async () => {
    const { biz, therapist, massage, rooms } = await spa(1);
    const [room] = rooms;
    const day = dayFromToday(6);
    const at = (time: string) => new Date(parisAt(day, time));
    const insert = async (staffId: string | undefined, from: string, to: string) => {
      try {
        await insertAppointment(handle.db, {
          tenantId: biz.tenant.id,
          activityId: massage.id,
          staffId,
          resourceId: room.id,
          startsAt: at(from),
          endsAt: at(to),
        });
        return "ok";
      } catch (error) {
        return sqlStateOf(error);
      }
    };
    expect(await insert(undefined, "10:00", "11:00")).toBe("ok");
    expect(await insert(therapist.id, "10:30", "11:30")).toBe("23P01");
    expect(await insert(therapist.id, "11:00", "12:00")).toBe("ok");
  });

  it("of two bookings racing for the last room, exactly one wins", async () => {
    const { publicApi, massage } = await spa(1);
    const day = dayFromToday(7);
    const results = await Promise.all(
      [1, 2].map((i) =>
        publicApi.book({
          activityId: massage.id,
          dateTime: parisAt(day, "14:00"),
          clientInfo: client({ email: `racer${i}@example.com` }),
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it("answers a Montréal location's slots in its own wall-clock time across both DST changes", async () => {
    const { api, publicApi } = await openBusiness(handle.db);
    const [paris] = (await api.listLocations()).json.locations;
    const yoga = (await api.createActivity(activityBody({ name: "Consult", maxAdvanceDays: 500 })))
      .json.activity;
    const created = await api.createLocation({
      name: "Montréal",
      timeZone: MONTREAL,
      address: "1 rue Sainte-Catherine, Montréal",
      weeklySlots: everyDay("09:00", "12:00"),
    });
    expect(created.status).toBe(201);
    const montreal = created.json.location;
    expect(montreal).toMatchObject({ timeZone: MONTREAL, online: false, meetingBaseUrl: null });
    const staff = await api.createStaff({
      name: "Camille",
      locationId: montreal.id,
      activityIds: [yoga.id],
    });
    expect(staff.status).toBe(201);

    // 2027: DST starts on Sunday 14 March and ends on Sunday 7 November in Montréal.
    for (const [before, after] of [
      ["2027-03-13", "2027-03-14"],
      ["2027-11-06", "2027-11-07"],
    ] as const) {
      const response = await publicApi.slots({
        activityId: yoga.id,
        locationId: montreal.id,
        startDate: `${before}T00:00:00-05:00`,
        endDate: `${after}T23:59:00-05:00`,
      });
      expect(response.status).toBe(200);
      const slots = response.json.slots as { dateTime: string; locationId: string }[];
      expect(new Set(slots.map((s) => s.locationId))).toEqual(new Set([montreal.id]));
      for (const day of [before, after]) {
        const ofDay = slots.filter(
          (s) => new Date(s.dateTime).toLocaleDateString("en-CA", { timeZone: MONTREAL }) === day,
        );
        // 09:00 to 11:00 every 15 minutes, in Montréal's own time, whatever its offset.
        expect(ofDay.map((s) => wallClock(s.dateTime, MONTREAL))).toEqual(
          Array.from({ length: 9 }, (_, i) => {
            const m = 9 * 60 + i * 15;
            return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
          }),
        );
        expect(ofDay[0]?.dateTime).toBe(
          new Date(zonedInstant(day, 9 * 60, MONTREAL)).toISOString(),
        );
      }
    }
    // 09:00 in Montréal is 14:00 UTC before the March change and 13:00 UTC after it.
    const march = await publicApi.slots({
      activityId: yoga.id,
      locationId: montreal.id,
      startDate: "2027-03-13T00:00:00Z",
      endDate: "2027-03-15T23:00:00Z",
    });
    const firsts = (march.json.slots as { dateTime: string }[])
      .map((s) => s.dateTime)
      .filter((d) => wallClock(d, MONTREAL) === "09:00");
    expect(firsts).toEqual([
      "2027-03-13T14:00:00.000Z",
      "2027-03-14T13:00:00.000Z",
      "2027-03-15T13:00:00.000Z",
    ]);

    // Without a location, every place answers, each slot saying where.
    const day = dayFromToday(3);
    const all = (await publicApi.slots({ activityId: yoga.id, startDate: day, endDate: day })).json
      .slots as { locationId: string }[];
    expect(new Set(all.map((s) => s.locationId))).toEqual(new Set([paris.id, montreal.id]));

    // A wall-clock time without an offset is the chosen location's.
    const booked = await publicApi.book({
      activityId: yoga.id,
      locationId: montreal.id,
      dateTime: "2027-03-14T09:00:00",
      clientInfo: client(),
    });
    expect(booked.status).toBe(201);
    expect(booked.json.appointment.dateTime).toBe("2027-03-14T13:00:00.000Z");
    expect(booked.json.appointment.location).toEqual({ id: montreal.id, name: "Montréal" });

    // The location is in use; the first one cannot be the last removed.
    expect((await api.deleteLocation(montreal.id)).json.code).toBe("LOCATION_IN_USE");
  });

  it("reads a date-time without an offset on the clock of the place where the booking happens", async () => {
    const { api, publicApi } = await openBusiness(handle.db);
    const consult = (await api.createActivity(activityBody({ name: "Consult" }))).json.activity;
    const montreal = (
      await api.createLocation({
        name: "Montréal",
        timeZone: MONTREAL,
        weeklySlots: everyDay("09:00", "17:00"),
      })
    ).json.location;
    const [owner] = (await api.listStaff()).json.staff;
    const moved = await api.updateStaff(owner.id, { name: owner.name, locationId: montreal.id });
    expect(moved.status).toBe(200);
    const day = dayFromToday(3, MONTREAL);
    const at = (hhmm: string, timeZone: string) =>
      new Date(zonedInstant(day, Number(hhmm.slice(0, 2)) * 60, timeZone)).toISOString();

    // Everyone who performs it works in Montréal: neither a location nor a person named, 10:00
    // is Montréal's 10:00 (a Paris business: reading it on Paris's clock would be 6 hours off).
    const there = await publicApi.book({
      activityId: consult.id,
      dateTime: `${day}T10:00:00`,
      clientInfo: client(),
    });
    expect(there.status).toBe(201);
    expect(there.json.appointment.dateTime).toBe(at("10:00", MONTREAL));

    // With people in two zones, nothing says which clock: the business's.
    const paris = (await api.listLocations()).json.locations.find(
      (l: { id: string }) => l.id !== montreal.id,
    );
    await api.createStaff({ name: "Inès", locationId: paris.id, activityIds: [consult.id] });
    const either = await publicApi.book({
      activityId: consult.id,
      dateTime: `${day}T11:00:00`,
      clientInfo: client(),
    });
    expect(either.status).toBe(201);
    expect(either.json.appointment.dateTime).toBe(at("11:00", "Europe/Paris"));
  });

  it("answers a business with one location as the contract says, without locationId", async () => {
    const { api, publicApi } = await openBusiness(handle.db);
    const cut = (await api.createActivity(activityBody({ name: "Cut" }))).json.activity;
    const day = dayFromToday(2);
    const { slots } = (await publicApi.slots({ activityId: cut.id, startDate: day, endDate: day }))
      .json;
    expect(slots.length).toBeGreaterThan(0);
    expect(Object.keys(slots[0]).sort()).toEqual(["available", "dateTime"]);
    const [only] = (await api.listLocations()).json.locations;
    const last = await api.deleteLocation(only.id);
    expect(last.status).toBe(409);
    expect(last.json.code).toBe("LAST_LOCATION");
  });

  it("gives each online appointment a meeting link of its own, shown to nobody else", async () => {
    const { api, publicApi } = await openBusiness(handle.db);
    const talk = (await api.createActivity(activityBody({ name: "Video session" }))).json.activity;
    const online =
      // An empty address (as the form sends it) is Jitsi Meet's.
      (
        await api.createLocation({
          name: "Online",
          online: true,
          timeZone: "Europe/Paris",
          meetingBaseUrl: "",
          address: "",
          contactEmail: "",
        })
      ).json.location;
    expect(online.meetingBaseUrl).toBe("https://meet.jit.si");
    const own = (
      await api.createLocation({
        name: "Studio video",
        online: true,
        meetingBaseUrl: "https://video.example.com/rooms/",
      })
    ).json.location;
    expect(own.meetingBaseUrl).toBe("https://video.example.com/rooms");
    for (const [name, location] of [
      ["Vera", online],
      ["Oskar", own],
    ]) {
      await api.createStaff({ name, locationId: location.id, activityIds: [talk.id] });
    }
    const day = dayFromToday(4);
    const urls: string[] = [];
    for (const [i, location] of [online, online, own].entries()) {
      const booked = await publicApi.book({
        activityId: talk.id,
        locationId: location.id,
        dateTime: parisAt(day, `1${i}:00`),
        clientInfo: client({ email: `video${i}@example.com` }),
      });
      expect(booked.status).toBe(201);
      urls.push(booked.json.appointment.meetingUrl);
      const read = await api.getAppointment(booked.json.appointment.id);
      expect(read.json.appointment.meetingUrl).toBe(booked.json.appointment.meetingUrl);
    }
    expect(urls[0]).toMatch(/^https:\/\/meet\.jit\.si\/Rendezvous-[0-9a-f]{24}$/);
    expect(urls[2]).toMatch(/^https:\/\/video\.example\.com\/rooms\/Rendezvous-[0-9a-f]{24}$/);
    expect(new Set(urls).size).toBe(3);
    // Public lists never carry them.
    const slotsText = JSON.stringify(
      (await publicApi.slots({ activityId: talk.id, startDate: day, endDate: day })).json,
    );
    const activitiesText = JSON.stringify((await publicApi.publicActivities()).json);
    for (const url of urls) {
      expect(slotsText).not.toContain(url.split("/").at(-1));
      expect(activitiesText).not.toContain(url.split("/").at(-1));
    }
    // A place that is not online has no link.
    const local = await publicApi.book({
      activityId: talk.id,
      dateTime: parisAt(day, "15:00"),
      locationId: (await api.listLocations()).json.locations[0].id,
      clientInfo: client({ email: "local@example.com" }),
    });
    expect(local.json.appointment.meetingUrl).toBeNull();
  });

  it("keeps every business's locations and resources to itself", async () => {
    const { api, rooms } = await spa(1);
    const [mine] = (await api.listLocations()).json.locations;
    const other = await seedTenant(handle.db);
    const otherApi = apiClient(other.tenant.slug, { authorization: `Bearer ${other.apiKey}` });
    expect((await otherApi.getLocation(mine.id)).status).toBe(404);
    expect((await otherApi.getResource(rooms[0].id)).status).toBe(404);
    expect((await otherApi.updateResource(rooms[0].id, { name: "x", kind: "y" })).status).toBe(404);
    expect((await otherApi.deleteLocation(mine.id)).status).toBe(404);
    expect((await otherApi.deleteResource(rooms[0].id)).status).toBe(404);
    expect((await otherApi.listResources()).json.resources).toEqual([]);
    const theirs = (await otherApi.listLocations()).json.locations;
    expect(theirs.map((l: { id: string }) => l.id)).not.toContain(mine.id);
    // Another business's location is no place to put one's staff or rooms.
    for (const response of [
      await otherApi.createStaff({ name: "Spy", locationId: mine.id }),
      await otherApi.createResource({ name: "Spy room", kind: ROOM, locationId: mine.id }),
    ]) {
      expect(response.status).toBe(422);
      expect(response.json.details).toEqual({ locationId: "no such location" });
    }
    // Nor its resources in a class of one's own, nor a booking's location.
    const otherCut = (await otherApi.createActivity(activityBody({ name: "Cut" }))).json.activity;
    const day = dayFromToday(2);
    const wrongPlace = await otherApi.book({
      activityId: otherCut.id,
      locationId: mine.id,
      dateTime: parisAt(day, "10:00"),
      clientInfo: client(),
    });
    expect(wrongPlace.status).toBe(422);
    expect(wrongPlace.json.details).toEqual({ locationId: "no such location" });
  });
});
