import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { tenants } from "@/db/schema";
import { bookingSchema } from "@/lib/appointments";
import { bookAppointment } from "@/lib/booking";
import { appointmentDetails } from "@/lib/calendar/appointment-details";
import { toAppError } from "@/lib/errors/to-app-error";
import { zonedInstant } from "@/lib/scheduling/calendar-day";
import { activityBody, client, dayFromToday, openBusiness, parisAt } from "../helpers/api";
import { useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

const MONTREAL = "America/Toronto";
const montrealAt = (day: string, hhmm: string) =>
  new Date(
    zonedInstant(day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), MONTREAL),
  ).toISOString();
const week = (startTime: string, endTime: string, locationId?: string) =>
  [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startTime, endTime, locationId }));

describe.each(engines)("one person, one timeline, on %s", (engine) => {
  let handle: TestDatabase;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());

  /**
   * A Paris salon with a Montréal branch; Camille works 09:00-17:00 at each (Paris 15:00 is
   * Montréal 09:00 in winter and summer alike: both change on their own dates, so the test takes
   * the instants, not the hours, as the same), and teaches a class.
   */
  async function salon() {
    const { api, publicApi, biz } = await openBusiness(handle.db);
    const [paris] = (await api.listLocations()).json.locations;
    const montreal = (await api.createLocation({ name: "Montréal", timeZone: MONTREAL })).json
      .location;
    const consult = (
      await api.createActivity(
        activityBody({ name: "Consultation", modes: ["in_person", "online"] }),
      )
    ).json.activity;
    expect(consult.modes).toEqual(["in_person", "online"]);
    const created = await api.createStaff({
      name: "Camille",
      activityIds: [consult.id],
      weeklySlots: [...week("09:00", "17:00", paris.id), ...week("09:00", "17:00", montreal.id)],
    });
    expect(created.status).toBe(201);
    const camille = created.json.staff;
    expect(
      camille.weeklySlots.filter((w: { locationId: string }) => w.locationId === montreal.id),
    ).toHaveLength(7);
    return { api, publicApi, biz, paris, montreal, consult, camille };
  }

  const book = (
    publicApi: Awaited<ReturnType<typeof salon>>["publicApi"],
    body: Record<string, unknown>,
    email: string,
  ) => publicApi.book({ ...body, clientInfo: client({ email }) });

  /** A day when Paris 15:00 and Montréal 09:00 are the same instant (6 hours apart). */
  function sameInstantDay() {
    for (let n = 3; n < 40; n++) {
      const day = dayFromToday(n);
      if (parisAt(day, "15:00") === montrealAt(day, "09:00")) return day;
    }
    throw new Error("no day with Paris and Montréal six hours apart");
  }

  it("refuses the same person at overlapping times at two places, through slots and the database", async () => {
    const { publicApi, paris, montreal, consult, camille } = await salon();
    const day = sameInstantDay();
    const when = parisAt(day, "15:00");
    const inParis = await book(
      publicApi,
      { activityId: consult.id, staffId: camille.id, locationId: paris.id, dateTime: when },
      "paris@example.com",
    );
    expect(inParis.status).toBe(201);
    expect(inParis.json.appointment.meetingUrl ?? null).toBeNull();
    // Montréal's 09:00 is that very instant: not offered, and refused.
    const montrealSlots = (
      await publicApi.slots({
        activityId: consult.id,
        locationId: montreal.id,
        staffId: camille.id,
        startDate: day,
        endDate: day,
      })
    ).json.slots as { dateTime: string; available: boolean }[];
    expect(montrealSlots.find((s) => s.dateTime === when)?.available).toBe(false);
    expect(montrealSlots.find((s) => s.dateTime === montrealAt(day, "11:00"))?.available).toBe(
      true,
    );
    const inMontreal = await book(
      publicApi,
      {
        activityId: consult.id,
        staffId: camille.id,
        locationId: montreal.id,
        dateTime: `${day}T09:00:00`,
      },
      "montreal@example.com",
    );
    expect(inMontreal.status).toBe(409);
    expect(inMontreal.json.code).toBe("SLOT_UNAVAILABLE");
    // Two hours later in Montréal she is free, and the booking is at Montréal, in its zone.
    const later = await book(
      publicApi,
      {
        activityId: consult.id,
        staffId: camille.id,
        locationId: montreal.id,
        dateTime: `${day}T11:00:00`,
      },
      "montreal@example.com",
    );
    expect(later.status).toBe(201);
    expect(later.json.appointment.dateTime).toBe(montrealAt(day, "11:00"));
    expect(later.json.appointment.location.id).toBe(montreal.id);
  });

  it("puts an online session on the same timeline, with its own link", async () => {
    const { api, publicApi, consult, camille } = await salon();
    const day = dayFromToday(5);
    const video = await book(
      publicApi,
      {
        activityId: consult.id,
        staffId: camille.id,
        mode: "online",
        dateTime: parisAt(day, "10:00"),
      },
      "video@example.com",
    );
    expect(video.status).toBe(201);
    expect(video.json.appointment.meetingUrl).toMatch(/^https:\/\/meet\.jit\.si\/Rendezvous-/);
    const inPerson = await book(
      publicApi,
      { activityId: consult.id, staffId: camille.id, dateTime: parisAt(day, "10:30") },
      "shop@example.com",
    );
    expect(inPerson.status).toBe(409);
    const onlineSlots = (
      await publicApi.slots({
        activityId: consult.id,
        staffId: camille.id,
        mode: "online",
        startDate: day,
        endDate: day,
      })
    ).json.slots as { dateTime: string; available: boolean }[];
    expect(onlineSlots.find((s) => s.dateTime === parisAt(day, "10:00"))?.available).toBe(false);
    // A service delivered only in person offers nothing on video.
    const cut = (await api.createActivity(activityBody({ name: "Cut" }))).json.activity;
    const refused = await book(
      publicApi,
      { activityId: cut.id, mode: "online", dateTime: parisAt(day, "13:00") },
      "cut@example.com",
    );
    expect(refused.status).toBe(409);
    const bad = await book(
      publicApi,
      { activityId: cut.id, mode: "hologram", dateTime: parisAt(day, "13:00") },
      "cut@example.com",
    );
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.details)).toEqual(["mode"]);
  });

  it("refuses a booking over a class the same person teaches, in person or on video", async () => {
    const { api, publicApi, paris, consult, camille } = await salon();
    const yoga = (
      await api.createActivity(activityBody({ name: "Yoga", capacity: 6, durationMinutes: 60 }))
    ).json.activity;
    const day = dayFromToday(6);
    const scheduled = await api.createClasses({
      activityId: yoga.id,
      staffId: camille.id,
      locationId: paris.id,
      startsAt: parisAt(day, "12:00"),
    });
    expect(scheduled.status).toBe(201);
    for (const mode of ["in_person", "online"]) {
      const clash = await book(
        publicApi,
        { activityId: consult.id, staffId: camille.id, mode, dateTime: parisAt(day, "12:00") },
        `${mode}@example.com`,
      );
      expect(clash.status).toBe(409);
    }
  });

  it("warns the business when a customer already holds an overlapping booking", async () => {
    const { api, publicApi, consult, camille, biz } = await salon();
    const day = dayFromToday(7);
    const [owner] = (await api.listStaff()).json.staff;
    const ids: string[] = [];
    for (const staffId of [owner.id, camille.id]) {
      const booked = await book(
        publicApi,
        { activityId: consult.id, staffId, dateTime: parisAt(day, "10:00") },
        "twice@example.com",
      );
      expect(booked.status).toBe(201);
      ids.push(booked.json.appointment.id);
    }
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.id, biz.tenant.id));
    if (!tenant) throw new Error("no tenant");
    const details = await appointmentDetails(handle.db, tenant, ids[1] ?? "", new Date());
    expect(details.overlapping).toEqual([
      { activityName: "Consultation", when: expect.any(String) },
    ]);
    await api.setStatus(ids[0] ?? "", "cancelled");
    expect(
      (await appointmentDetails(handle.db, tenant, ids[1] ?? "", new Date())).overlapping,
    ).toEqual([]);
  });

  it("lets exactly one of many racing bookings of her time through, at either place or online, over two instances", async () => {
    const { paris, montreal, consult, camille, biz } = await salon();
    const day = sameInstantDay();
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.id, biz.tenant.id));
    if (!tenant) throw new Error("no tenant");
    // A second app instance: its own pool (PGlite lives in one process, so it is the same one).
    const second: DatabaseHandle = handle.url
      ? await openDatabase({ url: handle.url, poolMax: 5 })
      : handle;
    try {
      const choices = [
        { locationId: paris.id, dateTime: parisAt(day, "15:00") },
        { locationId: montreal.id, dateTime: `${day}T09:00:00` },
        { mode: "online", dateTime: parisAt(day, "15:30") },
      ];
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) =>
          bookAppointment(
            (i % 2 ? second : handle).db,
            tenant,
            bookingSchema.parse({
              activityId: consult.id,
              staffId: camille.id,
              ...choices[i % choices.length],
              clientInfo: client({ email: `race${i}@example.com` }),
            }),
            new Date(),
          ),
        ),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      expect(won).toHaveLength(1);
      for (const r of results) {
        if (r.status === "rejected") expect(toAppError(r.reason).code).toBe("SLOT_UNAVAILABLE");
      }
    } finally {
      if (second !== handle) await second.close();
    }
  });
});
