import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businessBookingSchema } from "@/lib/appointments/schema";
import { systemActor } from "@/lib/audit/record-audit";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { toAppError } from "@/lib/errors/to-app-error";
import {
  activityBody,
  apiClient,
  client,
  dayFromToday,
  openBusiness,
  parisAt,
} from "../helpers/api";
import { seedTenant } from "../helpers/fixtures";
import { useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

interface SlotJson {
  dateTime: string;
  available: boolean;
  remaining?: number;
}

describe.each(engines)("group classes with seats on %s", (engine) => {
  let handle: TestDatabase;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());

  /**
   * A studio open 07:00-21:00 every day, with a yoga class of `capacity` places, its teacher (the
   * owner) and a studio room.
   */
  async function studio(capacity: number) {
    const { api, publicApi, biz } = await openBusiness(handle.db);
    const week = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
      dayOfWeek,
      startTime: "07:00",
      endTime: "21:00",
    }));
    expect((await api.putAvailability({ weeklySlots: week, exceptions: [] })).status).toBe(200);
    const yoga = (
      await api.createActivity(
        activityBody({ name: "Yoga", capacity, resourceKind: "Studio", durationMinutes: 60 }),
      )
    ).json.activity;
    const room = (await api.createResource({ name: "Big studio", kind: "Studio" })).json.resource;
    const [teacher] = (await api.listStaff()).json.staff;
    return { api, publicApi, biz, yoga, room, teacher };
  }

  async function schedule(s: Awaited<ReturnType<typeof studio>>, startsAt: string, extra = {}) {
    const created = await s.api.createClasses({
      activityId: s.yoga.id,
      staffId: s.teacher.id,
      startsAt,
      ...extra,
    });
    expect(created.status).toBe(201);
    return created.json.classes;
  }

  const slotAt = async (s: Awaited<ReturnType<typeof studio>>, day: string, time: string) => {
    const { slots } = (
      await s.publicApi.slots({ activityId: s.yoga.id, startDate: day, endDate: day })
    ).json as { slots: SlotJson[] };
    return slots.find((slot) => slot.dateTime === parisAt(day, time));
  };

  const seat = (s: Awaited<ReturnType<typeof studio>>, day: string, i: number) =>
    s.publicApi.book({
      activityId: s.yoga.id,
      dateTime: parisAt(day, "18:00"),
      clientInfo: client({ name: `Yogi ${i}`, email: `yogi${i}@example.com` }),
    });

  it("sells a class seat by seat, says how many places remain, and is full at its capacity", async () => {
    const s = await studio(3);
    const day = dayFromToday(3);
    const [session] = await schedule(s, parisAt(day, "18:00"));
    expect(session).toMatchObject({
      capacity: 3,
      booked: 0,
      remaining: 3,
      resourceId: s.room.id,
      staffId: s.teacher.id,
      cancelled: false,
    });
    // Only the scheduled session is offered, with its places.
    const { slots } = (
      await s.publicApi.slots({ activityId: s.yoga.id, startDate: day, endDate: day })
    ).json;
    expect(slots).toEqual([{ dateTime: parisAt(day, "18:00"), available: true, remaining: 3 }]);

    const seats = [];
    for (const i of [1, 2, 3]) {
      const booked = await seat(s, day, i);
      expect(booked.status).toBe(201);
      seats.push(booked.json.appointment);
    }
    expect(seats.map((a) => a.seat)).toEqual([1, 2, 3]);
    expect(await slotAt(s, day, "18:00")).toEqual({
      dateTime: parisAt(day, "18:00"),
      available: false,
      remaining: 0,
    });
    const full = await seat(s, day, 4);
    expect(full.status).toBe(409);
    expect(full.json.code).toBe("SLOT_UNAVAILABLE");

    // Cancelling frees a seat, which the next booking takes.
    await s.api.setStatus(seats[1].id, "cancelled");
    expect((await slotAt(s, day, "18:00"))?.remaining).toBe(1);
    const again = await seat(s, day, 5);
    expect(again.status).toBe(201);
    expect(again.json.appointment.seat).toBe(2);

    // The calendar shows the session once, with its places taken, not a block per seat.
    const { events } = (await s.api.calendar({ startDate: day, endDate: day })).json as {
      events: { type: string; title: string; extendedProps: { sessionId: string | null } }[];
    };
    expect(events.filter((e) => e.type === "appointment")).toEqual([]);
    expect(
      events.filter((e) => e.type === "class").map((e) => [e.title, e.extendedProps.sessionId]),
    ).toEqual([["Yoga · 3/3", session.id]]);

    // The attendee list, seat by seat, cancelled ones included.
    const read = await s.api.getClass(session.id);
    expect(read.json.class).toMatchObject({ booked: 3, remaining: 0 });
    expect(
      read.json.attendees.map(
        (a: { seat: number; status: string; clientInfo: { name: string } }) => [
          a.seat,
          a.clientInfo.name,
          a.status,
        ],
      ),
    ).toEqual([
      [1, "Yogi 1", "pending"],
      [2, "Yogi 2", "cancelled"],
      [2, "Yogi 5", "pending"],
      [3, "Yogi 3", "pending"],
    ]);
  });

  it("gives 3 seats to 5 racers, exactly", async () => {
    const s = await studio(3);
    const day = dayFromToday(4);
    await schedule(s, parisAt(day, "18:00"));
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => seat(s, day, i)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409]);
    const seats = results.filter((r) => r.status === 201).map((r) => r.json.appointment.seat);
    expect(seats.sort()).toEqual([1, 2, 3]);
  });

  it("changes a session's capacity, never below a seat already booked", async () => {
    const s = await studio(3);
    const day = dayFromToday(5);
    const [session] = await schedule(s, parisAt(day, "18:00"));
    await seat(s, day, 1);
    await seat(s, day, 2);
    const below = await s.api.updateClass(session.id, { capacity: 1 });
    expect(below.status).toBe(422);
    expect(below.json.details).toEqual({ capacity: "a seat above it is booked" });
    const wider = await s.api.updateClass(session.id, { capacity: 4 });
    expect(wider.status).toBe(200);
    expect(wider.json.class).toMatchObject({ capacity: 4, booked: 2, remaining: 2 });
    expect((await seat(s, day, 3)).status).toBe(201);
    expect((await seat(s, day, 4)).status).toBe(201);
    expect((await seat(s, day, 5)).status).toBe(409);
    // A session with attendees stays until their bookings are cancelled.
    const cancel = await s.api.cancelClass(session.id);
    expect(cancel.status).toBe(409);
    expect(cancel.json.code).toBe("CLASS_HAS_ATTENDEES");
  });

  it("schedules a weekly series at the same wall-clock time, across a DST change", async () => {
    const s = await studio(12);
    // Tuesday 23 March 2027, 18:00 in Paris, then the next three Tuesdays (DST starts on the 28th).
    const sessions = await schedule(s, "2027-03-23T18:00:00", { repeatWeeks: 3 });
    expect(sessions.map((x: { startsAt: string }) => x.startsAt)).toEqual([
      "2027-03-23T17:00:00.000Z",
      "2027-03-30T16:00:00.000Z",
      "2027-04-06T16:00:00.000Z",
      "2027-04-13T16:00:00.000Z",
    ]);
    const listed = await s.api.listClasses({ startDate: "2027-03-01", endDate: "2027-04-30" });
    expect(listed.json.classes).toHaveLength(4);
    // Coming sessions, even empty ones, keep their service, teacher and room.
    expect((await s.api.deleteActivity(s.yoga.id)).json.code).toBe("ACTIVITY_IN_USE");
    const other = (await s.api.createStaff({ name: "Stand-in" })).json.staff;
    expect(other.id).toBeTruthy();
    expect((await s.api.deleteStaff(s.teacher.id)).json.code).toBe("STAFF_IN_USE");
    expect((await s.api.deleteResource(s.room.id)).json.code).toBe("RESOURCE_IN_USE");
    const empty = sessions[3].id;
    expect((await s.api.cancelClass(empty)).status).toBe(204);
    expect(
      (await s.api.listClasses({ startDate: "2027-03-01", endDate: "2027-04-30" })).json.classes,
    ).toHaveLength(3);
  });

  it("refuses a session on a closed day or after hours unless confirmed, and a series skips closed days", async () => {
    const s = await studio(8);
    // Tuesday 21 December 2027 and the next three Tuesdays; the studio is closed on the 28th.
    const closed = { date: "2027-12-28", reason: "Holidays" };
    const week = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
      dayOfWeek,
      startTime: "07:00",
      endTime: "21:00",
    }));
    await s.api.putAvailability({ weeklySlots: week, exceptions: [closed] });
    const late = await s.api.createClasses({
      activityId: s.yoga.id,
      staffId: s.teacher.id,
      startsAt: "2027-12-21T20:30:00",
    });
    expect(late.status).toBe(422);
    expect(late.json.details.startsAt).toMatch(/outside the teacher’s, room’s or place’s hours/);
    const onClosedDay = await s.api.createClasses({
      activityId: s.yoga.id,
      staffId: s.teacher.id,
      startsAt: "2027-12-28T10:00:00",
    });
    expect(onClosedDay.status).toBe(422);
    expect(onClosedDay.json.details.startsAt).toMatch(/closed day \(2027-12-28\)/);
    // Confirmed, it is scheduled (and offered) all the same.
    const confirmed = await s.api.createClasses({
      activityId: s.yoga.id,
      staffId: s.teacher.id,
      startsAt: "2027-12-28T10:00:00",
      outsideHours: true,
    });
    expect(confirmed.status).toBe(201);
    expect(confirmed.json.classes[0].outsideHours).toBe(true);
    const series = await s.api.createClasses({
      activityId: s.yoga.id,
      staffId: s.teacher.id,
      startsAt: "2027-12-21T18:00:00",
      repeatWeeks: 3,
    });
    expect(series.status).toBe(201);
    expect(series.json.skipped).toEqual(["2027-12-28"]);
    expect(series.json.classes.every((c: { outsideHours: boolean }) => !c.outsideHours)).toBe(true);
    expect(series.json.classes.map((c: { startsAt: string }) => c.startsAt)).toEqual([
      "2027-12-21T17:00:00.000Z",
      "2028-01-04T17:00:00.000Z",
      "2028-01-11T17:00:00.000Z",
    ]);
  });

  it("holds the teacher's and the room's time: no appointment over a session, no session over one", async () => {
    const s = await studio(5);
    const day = dayFromToday(6);
    const massage = (await s.api.createActivity(activityBody({ name: "Massage" }))).json.activity;
    const [session] = await schedule(s, parisAt(day, "10:00"));
    // The teacher is busy with the class: a one-to-one at 10:30 is not offered, nor taken.
    const { slots } = (
      await s.publicApi.slots({
        activityId: massage.id,
        staffId: s.teacher.id,
        startDate: day,
        endDate: day,
      })
    ).json as { slots: SlotJson[] };
    expect(slots.find((x) => x.dateTime === parisAt(day, "10:30"))?.available).toBe(false);
    expect(slots.find((x) => x.dateTime === parisAt(day, "11:00"))?.available).toBe(true);
    const forced = await bookAppointment(
      handle.db,
      s.biz.tenant,
      businessBookingSchema.parse({
        activityId: massage.id,
        staffId: s.teacher.id,
        dateTime: parisAt(day, "10:30"),
        clientInfo: client({ email: null }),
      }),
      new Date(),
      systemActor,
      { status: "confirmed", outsideHours: "allow" },
    ).catch((error) => toAppError(error).code);
    expect(forced).toBe("SLOT_UNAVAILABLE");

    // A one-to-one at 14:00 keeps a session off that hour.
    const booked = await s.publicApi.book({
      activityId: massage.id,
      staffId: s.teacher.id,
      dateTime: parisAt(day, "14:00"),
      clientInfo: client(),
    });
    expect(booked.status).toBe(201);
    const clash = await s.api.createClasses({
      activityId: s.yoga.id,
      staffId: s.teacher.id,
      startsAt: parisAt(day, "14:30"),
    });
    expect(clash.status).toBe(409);
    expect(clash.json.code).toBe("SLOT_UNAVAILABLE");
    // Nor two sessions in one room at once, with another teacher.
    const other = (await s.api.createStaff({ name: "Lou", activityIds: [s.yoga.id] })).json.staff;
    const sameRoom = await s.api.createClasses({
      activityId: s.yoga.id,
      staffId: other.id,
      startsAt: parisAt(day, "10:15"),
    });
    expect(sameRoom.status).toBe(409);
    expect(session.resourceId).toBe(s.room.id);
  });

  it("lets the business mark each attendee present or absent once the class has started", async () => {
    const s = await studio(4);
    const day = dayFromToday(-1);
    const [session] = await schedule(s, parisAt(day, "18:00"));
    const ids = [];
    for (const name of ["Ada", "Bea"]) {
      const booked = await bookAppointment(
        handle.db,
        s.biz.tenant,
        businessBookingSchema.parse({
          activityId: s.yoga.id,
          dateTime: parisAt(day, "18:00"),
          clientInfo: client({ name, email: null }),
        }),
        new Date(),
        systemActor,
        { status: "confirmed", outsideHours: "allow" },
      );
      ids.push(booked.id);
    }
    const [ada = "", bea = ""] = ids;
    expect((await s.api.setStatus(ada, "completed")).status).toBe(200);
    expect((await s.api.setStatus(bea, "no_show")).status).toBe(200);
    const { attendees } = (await s.api.getClass(session.id)).json;
    expect(attendees.map((a: { status: string }) => a.status)).toEqual(["completed", "no_show"]);
  });

  it("refuses a session of a one-to-one service, or by someone who does not teach it", async () => {
    const s = await studio(6);
    const massage = (await s.api.createActivity(activityBody({ name: "Massage" }))).json.activity;
    const day = dayFromToday(8);
    const single = await s.api.createClasses({
      activityId: massage.id,
      staffId: s.teacher.id,
      startsAt: parisAt(day, "10:00"),
    });
    expect(single.status).toBe(422);
    expect(single.json.details).toEqual({ activityId: "is not a class (its capacity is 1)" });
    const other = (await s.api.createStaff({ name: "Noa", activityIds: [massage.id] })).json.staff;
    const notTeacher = await s.api.createClasses({
      activityId: s.yoga.id,
      staffId: other.id,
      startsAt: parisAt(day, "10:00"),
    });
    expect(notTeacher.status).toBe(422);
    expect(notTeacher.json.details).toEqual({ staffId: "does not perform this service" });
    const bad = await s.api.createClasses({
      activityId: "nope",
      staffId: s.teacher.id,
      startsAt: "tomorrow",
      capacity: 0,
      repeatWeeks: 60,
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.details).sort()).toEqual(
      ["activityId", "capacity", "repeatWeeks", "startsAt"].sort(),
    );
  });

  it("keeps every business's classes to itself", async () => {
    const s = await studio(3);
    const day = dayFromToday(3);
    const [session] = await schedule(s, parisAt(day, "18:00"));
    const other = await seedTenant(handle.db);
    const otherApi = apiClient(other.tenant.slug, { authorization: `Bearer ${other.apiKey}` });
    expect((await otherApi.getClass(session.id)).status).toBe(404);
    expect((await otherApi.updateClass(session.id, { capacity: 9 })).status).toBe(404);
    expect((await otherApi.cancelClass(session.id)).status).toBe(404);
    expect((await otherApi.listClasses({ startDate: day, endDate: day })).json.classes).toEqual([]);
    // Nor can it schedule one with this business's service, teacher or room.
    const theirs = await otherApi.createClasses({
      activityId: s.yoga.id,
      staffId: s.teacher.id,
      startsAt: parisAt(day, "10:00"),
    });
    expect(theirs.status).toBe(422);
    expect((await s.publicApi.listClasses({ startDate: day, endDate: day })).status).toBe(401);
  });
});
