import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { auditLog, outboundMessages, type Tenant, tenants } from "@/db/schema";
import { businessBookingSchema } from "@/lib/appointments/schema";
import { type Actor, customerActor } from "@/lib/audit/record-audit";
import { bookAppointment } from "@/lib/booking/book-appointment";
import type { BookingOptions } from "@/lib/booking/booking-result";
import { changeAppointmentStatus } from "@/lib/booking/change-status";
import { cancelByCustomer, rescheduleByCustomer } from "@/lib/booking/manage-booking";
import { rescheduleAppointment } from "@/lib/booking/reschedule-appointment";
import { appointmentDetails } from "@/lib/calendar/appointment-details";
import { smtpMailer } from "@/lib/mail/mailer";
import { deliverDue, MAX_ATTEMPTS } from "@/lib/messages/deliver";
import { listMessages, retryMessage } from "@/lib/messages/outbox";
import { activityBody, client, dayFromToday, openBusiness, parisAt } from "./helpers/api";
import { useAppDatabase } from "./helpers/routes";
import { startInbox } from "./helpers/smtp-inbox";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";

const HOUR = 3_600_000;
const FROM = "Rendezvous <no-reply@rendezvous.test>";

describe.each(engines)("messages on %s", (engine) => {
  let handle: TestDatabase;
  let inbox: Awaited<ReturnType<typeof startInbox>>;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
    inbox = await startInbox();
  });
  // Each test counts its own business's messages: what earlier tests left waiting is dropped.
  beforeEach(async () => {
    await handle.db
      .update(outboundMessages)
      .set({ status: "skipped" })
      .where(eq(outboundMessages.status, "queued"));
  });
  afterAll(async () => {
    await inbox.close();
    await handle.close();
  });

  const deliver = (now = new Date()) =>
    deliverDue(handle.db, { now, mailer: smtpMailer(inbox.url), from: FROM });

  /** A business (in `locale`) with a contact address and a massage reminded 24 hours before. */
  async function business(locale: "fr" | "en" = "fr") {
    const { api, publicApi, biz } = await openBusiness(handle.db);
    const [tenant] = await handle.db
      .update(tenants)
      .set({ locale, contactEmail: `hello@${biz.tenant.slug}.test`, policyText: "24 h notice" })
      .where(eq(tenants.id, biz.tenant.id))
      .returning();
    const activity = (
      await api.createActivity(
        activityBody({ reminderSettings: { enabled: true, hoursBefore: 24 } }),
      )
    ).json.activity;
    const customer = `client-${biz.tenant.slug}@example.com`;
    return {
      api,
      publicApi,
      biz,
      tenant: tenant as Tenant,
      activity,
      customer,
      owner: biz.owner.email,
    };
  }

  type Business = Awaited<ReturnType<typeof business>>;

  const input = (b: Business, dateTime: string, extra: Record<string, unknown> = {}) =>
    businessBookingSchema.parse({
      activityId: b.activity.id,
      dateTime,
      clientInfo: client({ email: b.customer }),
      ...extra,
    });

  /** Books at `dateTime` now, as the customer unless told otherwise. */
  const book = (
    b: Business,
    dateTime: string,
    actor: Actor = customerActor,
    options: BookingOptions & { outsideHours?: "refuse" | "allow" } = {},
  ) => bookAppointment(handle.db, b.tenant, input(b, dateTime), new Date(), actor, options);

  const messagesOf = (appointmentId: string) =>
    handle.db
      .select()
      .from(outboundMessages)
      .where(eq(outboundMessages.appointmentId, appointmentId));

  it("tells the customer (private link, invitation) and the owner of an online booking, once", async () => {
    const b = await business();
    const day = dayFromToday(5);
    const booked = await b.publicApi.book(
      {
        activityId: b.activity.id,
        dateTime: parisAt(day, "10:00"),
        clientInfo: client({ email: b.customer }),
      },
      { host: "localhost:4321" },
    );
    expect(booked.status).toBe(201);
    expect(await deliver()).toBe(2);
    expect(await deliver()).toBe(0);

    const [mail, ...more] = inbox.to(b.customer);
    expect(more).toHaveLength(0);
    expect(mail?.subject).toMatch(/^Demande reçue\u00a0: Massage, /);
    expect(mail?.replyTo?.value[0]?.address).toBe(`hello@${b.biz.tenant.slug}.test`);
    expect(mail?.text).toContain("Bonjour Alice Martin,");
    expect(mail?.text).toMatch(
      new RegExp(`http://localhost:4321/manage/[\\w-]+\\?tenant=${b.biz.tenant.slug}`),
    );
    expect(mail?.html).toMatch(/<html[^>]* lang="fr"/);
    expect(mail?.html).toContain("/manage/");
    const invitation = mail?.attachments.find((a) => a.contentType.startsWith("text/calendar"));
    const ics = invitation?.content.toString() ?? "";
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain(`UID:${booked.json.appointment.id}@rendezvous`);
    expect(ics).toContain("SEQUENCE:0");

    const [notice, ...others] = inbox.to(b.owner);
    expect(others).toHaveLength(0);
    expect(notice?.subject).toMatch(/^Nouvelle réservation\u00a0: Alice Martin, Massage, /);
    expect(notice?.text).toContain(b.customer);
    expect(notice?.attachments).toHaveLength(0);
  });

  it("tells the staff member the booking is with, beside the owners", async () => {
    const b = await business("en");
    const staff = await b.api.createStaff({
      name: "Sam Stylist",
      userId: b.biz.staff.id,
      activityIds: [b.activity.id],
    });
    expect(staff.status).toBe(201);
    const dateTime = parisAt(dayFromToday(5), "15:00");
    const booked = await b.publicApi.book({
      activityId: b.activity.id,
      staffId: staff.json.staff.id,
      dateTime,
      clientInfo: client({ email: b.customer }),
    });
    expect(booked.status).toBe(201);
    await deliver();
    const [notice, ...more] = inbox.to(b.biz.staff.email);
    expect(more).toHaveLength(0);
    expect(notice?.subject).toMatch(/^New booking: Alice Martin, Massage, /);
    expect(
      [notice?.to]
        .flat()[0]
        ?.value.map((v) => v.address)
        .sort(),
    ).toEqual([b.owner, b.biz.staff.email].sort());
    expect(notice?.replyTo?.value[0]?.address).toBe(b.customer);
    expect(inbox.to(b.customer)[0]?.text).toContain("With: Sam Stylist");
  });

  it("sends nothing for a booking that rolled back", async () => {
    const b = await business();
    const rollback = new Error("rolled back");
    let id = "";
    await expect(
      handle.db.transaction(async (tx) => {
        const booked = await bookAppointment(
          tx,
          b.tenant,
          input(b, parisAt(dayFromToday(5), "11:00")),
          new Date(),
        );
        id = booked.id;
        expect(booked.owed.length).toBeGreaterThan(0);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await messagesOf(id)).toHaveLength(0);
    expect(await deliver()).toBe(0);
    expect(inbox.to(b.customer)).toHaveLength(0);
  });

  it("reminds once, at the last time of a booking moved twice, never early", async () => {
    const b = await business();
    const day = dayFromToday(6);
    const booked = await book(b, parisAt(day, "10:00"));
    const now = new Date();
    const owner = { type: "user" as const, label: "owner" };
    await rescheduleAppointment(
      handle.db,
      b.tenant,
      booked.id,
      Date.parse(parisAt(day, "11:00")),
      now,
      owner,
    );
    const last = Date.parse(parisAt(day, "14:00"));
    await rescheduleAppointment(handle.db, b.tenant, booked.id, last, now, owner);
    await deliver(now);
    // The first move's notice, not sent yet, gave way to the second's.
    const before = inbox.to(b.customer).map((m) => m.subject);
    expect(before).toHaveLength(2);
    expect(before[1]).toMatch(/^Déplacé\u00a0: Massage, désormais .* 14:00/);
    // The business moved it: the owner hears only of the booking itself.
    expect(inbox.to(b.owner)).toHaveLength(1);

    const remindAt = last - 24 * HOUR;
    expect(await deliver(new Date(Date.parse(parisAt(day, "10:00")) - 24 * HOUR))).toBe(0);
    expect(await deliver(new Date(remindAt - 60_000))).toBe(0);
    expect(await deliver(new Date(remindAt))).toBe(1);
    expect(await deliver(new Date(remindAt + HOUR))).toBe(0);
    const reminders = inbox.to(b.customer).filter((m) => m.subject?.startsWith("Rappel"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.subject).toMatch(/14:00/);
    expect(reminders[0]?.attachments[0]?.content.toString()).toContain("SEQUENCE:2");
  });

  it("sends a move's notice that went out before the next move, and the next one", async () => {
    const b = await business();
    const day = dayFromToday(6);
    const booked = await book(b, parisAt(day, "10:00"));
    const now = new Date();
    await rescheduleByCustomer(
      handle.db,
      b.tenant,
      booked.manageToken,
      Date.parse(parisAt(day, "11:00")),
      now,
    );
    await deliver(now);
    await rescheduleByCustomer(
      handle.db,
      b.tenant,
      booked.manageToken,
      Date.parse(parisAt(day, "15:00")),
      now,
    );
    await deliver(now);
    const subjects = inbox.to(b.customer).map((m) => m.subject);
    expect(subjects).toHaveLength(3);
    expect(subjects[1]).toMatch(/11:00/);
    expect(subjects[2]).toMatch(/15:00/);
    expect(inbox.to(b.owner).map((m) => m.subject)[2]).toMatch(
      /^Déplacé par le client\u00a0: .* 15:00/,
    );
  });

  it("says 'now with' when the business gives the booking to someone else at the same time", async () => {
    const b = await business("en");
    const other = await b.api.createStaff({ name: "Sam Stylist", activityIds: [b.activity.id] });
    const start = parisAt(dayFromToday(5), "16:00");
    const booked = await book(b, start);
    await rescheduleAppointment(
      handle.db,
      b.tenant,
      booked.id,
      Date.parse(start),
      new Date(),
      {
        type: "user",
      },
      { staffId: other.json.staff.id },
    );
    await deliver();
    const [, changed] = inbox.to(b.customer);
    expect(changed?.subject).toMatch(/^Now with Sam Stylist: Massage, /);
    expect(changed?.text).toContain("is now with Sam Stylist, at the same time.");
  });

  it("changes nothing for a move to the same person, time and place: no message, audit or new sequence", async () => {
    const b = await business("en");
    const start = parisAt(dayFromToday(5), "15:00");
    const booked = await book(b, start);
    const traces = async () => ({
      messages: (await messagesOf(booked.id)).length,
      audit: (await handle.db.select().from(auditLog).where(eq(auditLog.entityId, booked.id)))
        .length,
    });
    const before = await traces();
    const same = Date.parse(start);
    const moved = await rescheduleAppointment(handle.db, b.tenant, booked.id, same, new Date(), {
      type: "user",
    });
    await rescheduleByCustomer(handle.db, b.tenant, booked.manageToken, same, new Date());
    expect(moved).toMatchObject({ sequence: booked.sequence, updatedAt: booked.updatedAt });
    expect(await traces()).toEqual(before);
    // A real move still counts.
    await rescheduleAppointment(handle.db, b.tenant, booked.id, same + HOUR, new Date(), {
      type: "user",
    });
    expect((await traces()).audit).toBe(before.audit + 1);
  });

  it("sends no reminder for a booking cancelled before it, and says who cancelled", async () => {
    const b = await business();
    const start = Date.parse(parisAt(dayFromToday(7), "10:00"));
    const booked = await book(b, new Date(start).toISOString());
    await cancelByCustomer(handle.db, b.tenant, booked.manageToken, new Date());
    expect(await deliver(new Date(start - 24 * HOUR))).toBe(4);
    const subjects = inbox.to(b.customer).map((m) => m.subject);
    expect(subjects).toHaveLength(2);
    expect(subjects[1]).toMatch(/^Annulé\u00a0: Massage/);
    const cancellation = inbox.to(b.customer)[1];
    expect(cancellation?.text).toContain("Vous avez annulé");
    expect(cancellation?.attachments[0]?.content.toString()).toContain("METHOD:CANCEL");
    expect(inbox.to(b.owner).map((m) => m.subject)[1]).toMatch(/^Annulé par le client\u00a0:/);
    const reminder = (await messagesOf(booked.id)).find((m) => m.kind === "reminder");
    expect(reminder?.status).toBe("cancelled");
    // The owner sees on the appointment what went out, to whom, and what was withdrawn.
    const details = await appointmentDetails(handle.db, b.tenant, booked.id, new Date());
    expect(details.messages.map((m) => [m.kind, m.recipient, m.status])).toEqual([
      ["booked", "customer", "sent"],
      ["booked", "business", "sent"],
      ["cancelled", "customer", "sent"],
      ["cancelled", "business", "sent"],
      ["reminder", "customer", "cancelled"],
    ]);
  });

  it("owes no reminder when its moment has passed at booking, and none for a no-show", async () => {
    const b = await business();
    const soon = await book(b, new Date(Date.now() + 3 * HOUR).toISOString(), customerActor, {
      outsideHours: "allow",
    });
    expect((await messagesOf(soon.id)).map((m) => m.kind).sort()).toEqual(["booked", "booked"]);

    const start = Date.parse(parisAt(dayFromToday(3), "15:00"));
    const later = await book(b, new Date(start).toISOString());
    await changeAppointmentStatus(
      handle.db,
      b.tenant,
      later.id,
      "no_show",
      { type: "user" },
      new Date(start + HOUR),
    );
    const reminder = (await messagesOf(later.id)).find((m) => m.kind === "reminder");
    expect(reminder?.status).toBe("cancelled");
  });

  it("tells the customer the business confirmed, in English for an English business", async () => {
    const b = await business("en");
    const booked = await book(b, parisAt(dayFromToday(4), "09:00"));
    await changeAppointmentStatus(
      handle.db,
      b.tenant,
      booked.id,
      "confirmed",
      { type: "user" },
      new Date(),
    );
    await deliver();
    const [received, confirmed] = inbox.to(b.customer);
    expect(received?.subject).toMatch(/^Booking received: Massage, /);
    expect(received?.text).toContain("It will be confirmed by the business.");
    expect(confirmed?.subject).toMatch(/^Confirmed: Massage, /);
    expect(confirmed?.html).toMatch(/<html[^>]* lang="en"/);
    expect(confirmed?.attachments[0]?.content.toString()).toContain("SEQUENCE:1");
  });

  it("sends nothing to a walk-in without an e-mail address, nor to the business for its own booking", async () => {
    const b = await business();
    const walkIn = businessBookingSchema.parse({
      activityId: b.activity.id,
      dateTime: parisAt(dayFromToday(4), "12:00"),
      clientInfo: client({ email: null, phone: "+33 6 12 34 56 78" }),
    });
    const booked = await bookAppointment(
      handle.db,
      b.tenant,
      walkIn,
      new Date(),
      { type: "user" },
      { status: "confirmed" },
    );
    expect(booked.owed).toEqual([]);
    expect(await messagesOf(booked.id)).toHaveLength(0);
  });

  it("takes an integrator's reminderMinutes, within 0 to 10,080", async () => {
    const b = await business();
    const dateTime = parisAt(dayFromToday(5), "13:00");
    const tooLong = await b.publicApi.book({
      activityId: b.activity.id,
      dateTime,
      clientInfo: client(),
      reminderMinutes: 10_081,
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.json.code).toBe("VALIDATION_ERROR");
    const booked = await b.publicApi.book({
      activityId: b.activity.id,
      dateTime,
      clientInfo: client(),
      reminderMinutes: 30,
    });
    expect(booked.status).toBe(201);
    const reminder = (await messagesOf(booked.json.appointment.id)).find(
      (m) => m.kind === "reminder",
    );
    expect(reminder?.sendAfter.getTime()).toBe(Date.parse(dateTime) - 30 * 60_000);
    expect(booked.json.appointment.reminderMinutes).toBe(30);
  });

  it("retries a message the server refuses, fails it after the last try, and sends it on a retry", async () => {
    const b = await business();
    const booked = await book(b, parisAt(dayFromToday(8), "10:00"), { type: "user" });
    inbox.state.refuse = true;
    let now = Date.now();
    try {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        expect(await deliver(new Date(now))).toBe(1);
        now += 3 * HOUR;
      }
    } finally {
      inbox.state.refuse = false;
    }
    const failed = (await messagesOf(booked.id)).find((m) => m.kind === "booked");
    expect(failed?.status).toBe("failed");
    expect(failed?.attempts).toBe(MAX_ATTEMPTS);
    expect(failed?.lastError).toMatch(/550/);
    expect(await deliver(new Date(now + 24 * HOUR))).toBe(0);
    // The Messages page's "failed only" shows it, and only it, of this business.
    const failedList = await listMessages(handle.db, b.tenant.id, { page: 1, failedOnly: true });
    expect(failedList.total).toBe(1);
    expect(failedList.messages.map((m) => m.id)).toEqual([failed?.id]);
    expect(failedList.messages[0]?.about.clientName).toBe("Alice Martin");
    const all = await listMessages(handle.db, b.tenant.id, { page: 1 });
    expect(all.total).toBe(2);
    expect(await listMessages(handle.db, b.tenant.id, { page: 2 })).toMatchObject({ messages: [] });

    await retryMessage(handle.db, b.tenant.id, failed?.id as string, new Date(now));
    expect(await deliver(new Date(now))).toBe(1);
    expect(inbox.to(b.customer)).toHaveLength(1);
    const sent = (await messagesOf(booked.id)).find((m) => m.kind === "booked");
    expect(sent?.status).toBe("sent");
  });

  it("never sends twice a message whose hand-off was cut: it is flagged, and sent again only when asked", async () => {
    const b = await business();
    const booked = await book(b, parisAt(dayFromToday(8), "11:00"), { type: "user" });
    inbox.state.cut = (mail) => mail.subject?.startsWith("Demande reçue") ?? false;
    try {
      expect(await deliver()).toBe(1);
    } finally {
      inbox.state.cut = undefined;
    }
    const cut = (await messagesOf(booked.id)).find((m) => m.kind === "booked");
    expect(cut?.status).toBe("uncertain");
    // Neither this pass nor any later one sends it again of itself.
    expect(await deliver(new Date(Date.now() + 24 * HOUR))).toBe(0);
    expect(inbox.to(b.customer)).toHaveLength(0);
    const attention = await listMessages(handle.db, b.tenant.id, { page: 1, failedOnly: true });
    expect(attention.messages.map((m) => m.id)).toEqual([cut?.id]);
    // The owner, having checked, sends it again; it carries the same Message-ID.
    await retryMessage(handle.db, b.tenant.id, cut?.id as string, new Date());
    expect(await deliver()).toBe(1);
    expect(inbox.to(b.customer).map((m) => m.messageId)).toEqual([`<${cut?.id}@rendezvous>`]);
  });

  it("flags, rather than sends again, a message whose sender stopped during its hand-off", async () => {
    const b = await business();
    const booked = await book(b, parisAt(dayFromToday(8), "12:00"), { type: "user" });
    const [message] = (await messagesOf(booked.id)).filter((m) => m.kind === "booked");
    // As a process killed between the hand-off and recording it leaves the row.
    const past = new Date(Date.now() - HOUR);
    await handle.db
      .update(outboundMessages)
      .set({ status: "sending", attempts: 1, handedOffAt: past, claimedUntil: past })
      .where(eq(outboundMessages.id, message?.id as string));
    expect(await deliver()).toBe(0);
    expect((await messagesOf(booked.id)).find((m) => m.id === message?.id)?.status).toBe(
      "uncertain",
    );
    expect(inbox.to(b.customer)).toHaveLength(0);
  });

  it("tries again later, unflagged, when no mail server could be reached", async () => {
    const b = await business();
    const booked = await book(b, parisAt(dayFromToday(8), "13:00"), { type: "user" });
    const nowhere = smtpMailer("smtp://127.0.0.1:1");
    expect(await deliverDue(handle.db, { now: new Date(), mailer: nowhere, from: FROM })).toBe(1);
    const waiting = (await messagesOf(booked.id)).find((m) => m.kind === "booked");
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, handedOffAt: null });
  });

  it("stores messages with their rendering when there is no SMTP server", async () => {
    const b = await business();
    const booked = await book(b, parisAt(dayFromToday(9), "10:00"));
    expect(await deliverDue(handle.db, { now: new Date(), mailer: null, from: FROM })).toBe(2);
    const stored = await handle.db
      .select()
      .from(outboundMessages)
      .where(
        and(
          eq(outboundMessages.appointmentId, booked.id),
          eq(outboundMessages.recipient, "customer"),
        ),
      );
    expect(stored.find((m) => m.kind === "booked")).toMatchObject({
      status: "stored",
      toAddress: b.customer,
      subject: expect.stringMatching(/^Demande reçue/),
      textBody: expect.stringContaining("Massage"),
      htmlBody: expect.stringMatching(/<html[^>]* lang="fr"/),
      calendarFile: expect.stringContaining("METHOD:REQUEST"),
    });
    expect(inbox.to(b.customer)).toHaveLength(0);
  });

  it("sends each message once when two instances deliver at the same time", async () => {
    const b = await business();
    const day = dayFromToday(10);
    const times = ["09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"];
    for (const time of times) {
      await book(b, parisAt(day, time));
    }
    const second = handle.url ? await openDatabase({ url: handle.url, poolMax: 5 }) : handle;
    try {
      const options = { now: new Date(), mailer: smtpMailer(inbox.url), from: FROM };
      const [one, two] = await Promise.all([
        deliverDue(handle.db, options),
        deliverDue(second.db, options),
      ]);
      expect(one + two).toBe(times.length * 2);
    } finally {
      if (second !== handle) await second.close();
    }
    const ids = [...inbox.to(b.customer), ...inbox.to(b.owner)].map((m) => m.messageId);
    expect(ids).toHaveLength(times.length * 2);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
