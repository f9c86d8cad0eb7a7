import { formatInTimeZone } from "date-fns-tz";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, auditLog, outboundMessages, type Tenant } from "@/db/schema";
import { createActivity } from "@/lib/activities/activities";
import { activityInputSchema } from "@/lib/activities/schema";
import { bookingCalendarFile } from "@/lib/appointments/formats/calendar-file";
import { bookingSchema } from "@/lib/appointments/schema";
import { systemActor } from "@/lib/audit/record-audit";
import { replaceAvailability } from "@/lib/availability/availability";
import { availabilityInputSchema } from "@/lib/availability/schema";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { alreadyHeld } from "@/lib/booking/idempotent-booking";
import {
  cancelByCustomer,
  findByManageToken,
  rescheduleByCustomer,
} from "@/lib/booking/manage-booking";
import { hashManageToken } from "@/lib/booking/manage-token";
import { rescheduleAppointment } from "@/lib/booking/reschedule-appointment";
import { toAppError } from "@/lib/errors/to-app-error";
import { loadBookingWeek, refusalReason } from "@/lib/offer/booking-week";
import { dayInZone, weekdayOf, zonedInstant } from "@/lib/scheduling/calendar-day";
import { activityBody, client, dayFromToday, openEveryDay } from "../helpers/api";
import { seedTenant } from "../helpers/fixtures";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

const HOUR = 3_600_000;
const TZ = "Europe/Paris";

describe.each(engines)("customer booking through a manage link on %s", (engine) => {
  let handle: TestDatabase;
  let tenant: Tenant;
  let activityId: string;
  const at = (day: number, hour: number, minute = 0) =>
    zonedInstant(dayFromToday(day, TZ), hour * 60 + minute, TZ);
  const book = async (start: number) =>
    bookAppointment(
      handle.db,
      tenant,
      bookingSchema.parse({
        activityId,
        dateTime: new Date(start).toISOString(),
        clientInfo: client(),
      }),
      new Date(),
    );
  const freeOn = async (day: number) => {
    const week = await loadBookingWeek(
      handle.db,
      tenant,
      activityId,
      { timeZone: TZ, week: dayFromToday(day, TZ) },
      new Date(),
    );
    return week.days.find((d) => d.day === dayFromToday(day, TZ))?.starts ?? [];
  };

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ tenant } = await seedTenant(handle.db));
    await replaceAvailability(
      handle.db,
      tenant,
      availabilityInputSchema.parse(openEveryDay),
      systemActor,
    );
    const activity = await createActivity(
      handle.db,
      tenant,
      activityInputSchema.parse(
        activityBody({ durationMinutes: 60, minimumBookingNoticeHours: 0 }),
      ),
      systemActor,
    );
    activityId = activity.id;
  });
  afterAll(() => handle.close());

  it("tells a time taken meanwhile from one no longer offered at all", async () => {
    const taken = at(8, 10);
    await book(taken);
    const reason = (start: number, activity = activityId) =>
      refusalReason(handle.db, tenant, activity, start, new Date());
    expect(await reason(taken)).toBe("slotTaken");
    // Its start passed while the form was filled in; outside the hours; the service deleted.
    expect(await reason(at(0, 10) - 24 * HOUR)).toBe("slotGone");
    expect(await reason(at(8, 3))).toBe("slotGone");
    expect(await reason(taken, "00000000-0000-4000-8000-000000000000")).toBe("slotGone");
  });

  it("gives each booking an unguessable token and stores only its hash", async () => {
    const booked = await book(at(5, 9));
    expect(booked.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await handle.db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect(row?.manageTokenHash).toBe(hashManageToken(booked.manageToken));
    expect(JSON.stringify(row)).not.toContain(booked.manageToken);
    expect((await findByManageToken(handle.db, tenant, booked.manageToken)).id).toBe(booked.id);
  });

  it("finds nothing for a wrong token, a malformed one, or another business's token", async () => {
    const booked = await book(at(5, 11));
    const other = (await seedTenant(handle.db)).tenant;
    const wrong = `${booked.manageToken.slice(0, -1)}${booked.manageToken.endsWith("A") ? "B" : "A"}`;
    for (const [biz, token] of [
      [tenant, wrong],
      [tenant, "short"],
      [other, booked.manageToken],
    ] as const) {
      await expect(findByManageToken(handle.db, biz, token)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
  });

  it("knows a booking form sent again: the same service, start and address already held", async () => {
    const start = at(7, 15);
    const booked = await book(start);
    const input = bookingSchema.parse({
      activityId,
      dateTime: new Date(start).toISOString(),
      clientInfo: client({ email: booked.clientEmail?.toUpperCase() }),
    });
    expect(await alreadyHeld(handle.db, tenant, input)).toBe(true);
    const someoneElse = {
      ...input,
      clientInfo: { ...input.clientInfo, email: "other@example.com" },
    };
    expect(await alreadyHeld(handle.db, tenant, someoneElse)).toBe(false);
    await cancelByCustomer(handle.db, tenant, booked.manageToken, new Date());
    expect(await alreadyHeld(handle.db, tenant, input)).toBe(false);
  });

  it("passes the customer's reason for cancelling on to the business and the log", async () => {
    const booked = await book(at(6, 14));
    await cancelByCustomer(
      handle.db,
      tenant,
      booked.manageToken,
      new Date(),
      "Mon fils est malade",
    );
    const owed = await handle.db
      .select({ recipient: outboundMessages.recipient, payload: outboundMessages.payload })
      .from(outboundMessages)
      .where(
        and(eq(outboundMessages.appointmentId, booked.id), eq(outboundMessages.kind, "cancelled")),
      );
    expect(owed.map((m) => [m.recipient, m.payload.reason]).sort()).toEqual([
      ["business", "Mon fils est malade"],
      ["customer", "Mon fils est malade"],
    ]);
    const [entry] = await handle.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, booked.id), eq(auditLog.action, "appointment.status")));
    expect(entry?.after).toMatchObject({ status: "cancelled", reason: "Mon fils est malade" });
  });

  it("cancels inside the policy window and frees the time at once", async () => {
    const start = at(6, 10);
    const booked = await book(start);
    expect(await freeOn(6)).not.toContain(start);
    const cancelled = await cancelByCustomer(handle.db, tenant, booked.manageToken, new Date());
    expect(cancelled.status).toBe("cancelled");
    expect(await freeOn(6)).toContain(start);
    // Cancelled is final: the link can no longer change it.
    await expect(
      cancelByCustomer(handle.db, tenant, booked.manageToken, new Date()),
    ).rejects.toMatchObject({ code: "POLICY_WINDOW_CLOSED", details: { reason: "inactive" } });
  });

  it("refuses to cancel or move once inside the notice windows (24 h, 2 h by default)", async () => {
    const start = at(7, 14);
    const booked = await book(start);
    const lateForCancel = new Date(start - 23 * HOUR);
    await expect(
      cancelByCustomer(handle.db, tenant, booked.manageToken, lateForCancel),
    ).rejects.toMatchObject({ code: "POLICY_WINDOW_CLOSED", details: { reason: "too_late" } });
    const lateForMove = new Date(start - 1.5 * HOUR);
    await expect(
      rescheduleByCustomer(handle.db, tenant, booked.manageToken, at(8, 9), lateForMove),
    ).rejects.toMatchObject({ code: "POLICY_WINDOW_CLOSED" });
    const [row] = await handle.db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect(row?.status).toBe("pending");
    expect(row?.startsAt.getTime()).toBe(start);
  });

  it("keeps the cancellation deadline of the earliest start through the customer's moves", async () => {
    const start = at(3, 10);
    const booked = await book(start);
    // 20 h before: too late to cancel (24 h), early enough to move (2 h), to next week.
    const now = new Date(start - 20 * HOUR);
    await rescheduleByCustomer(handle.db, tenant, booked.manageToken, at(11, 15), now);
    await expect(
      cancelByCustomer(handle.db, tenant, booked.manageToken, now),
    ).rejects.toMatchObject({ code: "POLICY_WINDOW_CLOSED", details: { reason: "too_late" } });
    // Moving it again, later still, does not help either.
    await rescheduleByCustomer(handle.db, tenant, booked.manageToken, at(12, 16), now);
    await expect(
      cancelByCustomer(handle.db, tenant, booked.manageToken, now),
    ).rejects.toMatchObject({ code: "POLICY_WINDOW_CLOSED" });
    // A move by the business sets a new time to count from.
    await rescheduleAppointment(handle.db, tenant, booked.id, at(13, 9), now, systemActor);
    expect((await cancelByCustomer(handle.db, tenant, booked.manageToken, now)).status).toBe(
      "cancelled",
    );
  });

  it("moves a booking to a free time and frees the old one", async () => {
    const start = at(9, 9);
    const booked = await book(start);
    const moved = await rescheduleByCustomer(
      handle.db,
      tenant,
      booked.manageToken,
      at(9, 14),
      new Date(),
    );
    expect(moved.startsAt.getTime()).toBe(at(9, 14));
    expect(moved.endsAt.getTime()).toBe(at(9, 15));
    const free = await freeOn(9);
    expect(free).toContain(start);
    expect(free).not.toContain(at(9, 14));
  });

  it("moves a booking onto a time that overlaps its own old time", async () => {
    const booked = await book(at(9, 10));
    const moved = await rescheduleByCustomer(
      handle.db,
      tenant,
      booked.manageToken,
      at(9, 10, 30),
      new Date(),
    );
    expect(moved.startsAt.getTime()).toBe(at(9, 10, 30));
  });

  it("refuses to move onto a taken time or outside the opening hours", async () => {
    const taken = at(10, 13);
    await book(taken);
    const mine = await book(at(10, 9));
    for (const target of [taken, taken + 30 * 60_000, at(10, 16, 30), at(10, 20)]) {
      await expect(
        rescheduleByCustomer(handle.db, tenant, mine.manageToken, target, new Date()).catch(
          (error) => {
            throw toAppError(error);
          },
        ),
      ).rejects.toMatchObject({ code: "SLOT_UNAVAILABLE" });
    }
    const [row] = await handle.db.select().from(appointments).where(eq(appointments.id, mine.id));
    expect(row?.startsAt.getTime()).toBe(at(10, 9));
  });

  it("marks a weekday without opening hours as closed, not as a day without free times", async () => {
    const { tenant: sundays } = await seedTenant(handle.db);
    const weekdays = openEveryDay.weeklySlots.filter((slot) => slot.dayOfWeek !== 0);
    await replaceAvailability(
      handle.db,
      sundays,
      availabilityInputSchema.parse({ ...openEveryDay, weeklySlots: weekdays }),
      systemActor,
    );
    const service = await createActivity(
      handle.db,
      sundays,
      activityInputSchema.parse(activityBody({ durationMinutes: 60 })),
      systemActor,
    );
    const week = await loadBookingWeek(
      handle.db,
      sundays,
      service.id,
      { timeZone: TZ, week: dayFromToday(14, TZ) },
      new Date(),
    );
    const sunday = week.days.find((d) => weekdayOf(d.day) === 0);
    const monday = week.days.find((d) => weekdayOf(d.day) === 1);
    expect(sunday).toMatchObject({ starts: [], closed: true, reason: null });
    expect(monday?.closed).toBe(false);
    expect(monday?.starts.length).toBeGreaterThan(0);
  });

  it("shows the first week with a free time first, each day cut in the zone shown", async () => {
    const week = await loadBookingWeek(handle.db, tenant, activityId, { timeZone: TZ }, new Date());
    expect(week.days).toHaveLength(7);
    expect(weekdayOf(week.weekStart)).toBe(1);
    expect(week.previousWeek).toBeNull();
    const first = week.free[0] as number;
    expect(week.days.flatMap((d) => d.starts)).toContain(first);

    const ny = "America/New_York";
    const far = await loadBookingWeek(
      handle.db,
      tenant,
      activityId,
      { timeZone: ny, week: dayFromToday(20, ny) },
      new Date(),
    );
    const starts = far.days.flatMap((d) => d.starts);
    expect(starts.length).toBeGreaterThan(0);
    for (const { day, starts: dayStarts } of far.days) {
      for (const start of dayStarts) expect(dayInZone(start, ny)).toBe(day);
    }
    // 09:00 in Paris is 03:00 in New York.
    expect(
      far.days.some((d) => d.starts.some((s) => formatInTimeZone(s, ny, "HH:mm") === "03:00")),
    ).toBe(true);
  });

  it("stops paging at the booking horizon and says when nothing is free", async () => {
    const last = await loadBookingWeek(
      handle.db,
      tenant,
      activityId,
      { timeZone: TZ, week: dayFromToday(400, TZ) },
      new Date(),
    );
    expect(last.nextWeek).toBeNull();
    expect(last.weekStart <= dayFromToday(91, TZ)).toBe(true);

    const closed = (await seedTenant(handle.db)).tenant;
    const activity = await createActivity(
      handle.db,
      closed,
      activityInputSchema.parse(activityBody()),
      systemActor,
    );
    const week = await loadBookingWeek(
      handle.db,
      closed,
      activity.id,
      { timeZone: TZ },
      new Date(),
    );
    expect(week.fullyBooked).toBe(true);
    expect(week.days.every((d) => d.starts.length === 0)).toBe(true);
  });

  it("offers a booking's own time back when it is being moved, and a garbled week as the first one", async () => {
    const start = at(12, 11);
    const booked = await book(start);
    const week = (except?: string, asked = dayFromToday(12, TZ)) =>
      loadBookingWeek(
        handle.db,
        tenant,
        activityId,
        { timeZone: TZ, week: asked, exceptAppointmentId: except },
        new Date(),
      );
    expect((await week()).free).not.toContain(start);
    expect((await week(booked.id)).free).toContain(start);
    expect((await week(undefined, "garbled")).weekStart).toBe(
      (await loadBookingWeek(handle.db, tenant, activityId, { timeZone: TZ }, new Date()))
        .weekStart,
    );
  });

  it("never moves an appointment that no longer holds its time", async () => {
    const booked = await book(at(13, 9));
    await cancelByCustomer(handle.db, tenant, booked.manageToken, new Date());
    await expect(
      rescheduleAppointment(handle.db, tenant, booked.id, at(13, 11), new Date(), systemActor),
    ).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });

  it("writes a calendar file in UTC that names the business and the manage link", async () => {
    const booked = await book(at(11, 15));
    const salon = {
      name: "Salon",
      address: "1 rue A",
      contactEmail: "hello@salon.test",
      contactPhone: "+33 1 23 45 67 89",
    };
    const file = bookingCalendarFile(booked, salon, "https://x.test/manage/t");
    const stamp = new Date(booked.startsAt).toISOString().replace(/[-:]/g, "").slice(0, 15);
    expect(file).toContain(`DTSTART:${stamp}Z`);
    expect(file).toContain(`UID:${booked.id}@rendezvous`);
    expect(file).toContain("STATUS:TENTATIVE");
    expect(file).toContain("METHOD:PUBLISH");
    expect(file).toContain("LOCATION:Salon\\, 1 rue A");
    expect(file).toContain("https://x.test/manage/t");
    expect(file.replace(/\r\n[ \t]/g, "")).toContain("+33 1 23 45 67 89 · hello@salon.test");

    // A cancelled booking's file removes the event: a cancellation that no longer holds time.
    const cancelled = bookingCalendarFile(
      { ...booked, status: "cancelled" },
      salon,
      "https://x.test/manage/t",
    );
    expect(cancelled).toContain("METHOD:CANCEL");
    expect(cancelled).toContain("STATUS:CANCELLED");
    expect(cancelled).toContain("TRANSP:TRANSPARENT");
  });
});
