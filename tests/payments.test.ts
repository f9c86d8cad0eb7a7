import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/payments/webhook/route";
import {
  appointments,
  outboundMessages,
  paymentEvents,
  payments,
  type Tenant,
  tenants,
  webhookEvents,
} from "@/db/schema";
import { businessBookingSchema } from "@/lib/appointments/schema";
import { customerActor, systemActor } from "@/lib/audit/record-audit";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { changeAppointmentStatus } from "@/lib/booking/change-status";
import { cancelByCustomer, rescheduleByCustomer } from "@/lib/booking/manage-booking";
import { appointmentDetails } from "@/lib/calendar/appointment-details";
import { env, parseEnv } from "@/lib/env";
import { deliverDue } from "@/lib/messages/deliver";
import { refundByOwner } from "@/lib/payments/refunds";
import { reportDays, revenueCsv, revenueMovements, revenueReport } from "@/lib/payments/revenue";
import { paymentsReadiness, refundOnCancel } from "@/lib/payments/rule";
import { settlePayments } from "@/lib/payments/settle";
import { dayInZone } from "@/lib/scheduling/calendar-day";
import { createWebhook } from "@/lib/webhooks/endpoints";
import { activityBody, client, dayFromToday, openBusiness, parisAt } from "./helpers/api";
import { call, useAppDatabase } from "./helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";
import { useFakeStripe } from "./helpers/use-fake-stripe";

const MINUTE = 60_000;
const WEBHOOK_SECRET = "whsec_rendezvous_tests";

describe.each(engines)("payments on %s", (engine) => {
  let handle: TestDatabase;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());
  const fakeStripe = useFakeStripe(WEBHOOK_SECRET);

  const stripe = () => env().stripe;
  const settle = (now = new Date()) => settlePayments(handle.db, { now, stripe: stripe() });

  /** A business with a 40 € massage paid in full online (or by `payment`'s rule). */
  async function business(payment: Record<string, unknown> = { rule: "full" }, price = 40) {
    const { api, publicApi, biz } = await openBusiness(handle.db);
    const created = await api.createActivity(activityBody({ price, payment }));
    expect(created.json).toMatchObject({ activity: {} });
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.id, biz.tenant.id));
    return { api, publicApi, biz, tenant: tenant as Tenant, activity: created.json.activity };
  }
  type Business = Awaited<ReturnType<typeof business>>;

  const book = (b: Business, dateTime: string, now = new Date()) =>
    bookAppointment(
      handle.db,
      b.tenant,
      businessBookingSchema.parse({
        activityId: b.activity.id,
        dateTime,
        clientInfo: client({ email: `client-${b.biz.tenant.slug}@example.com` }),
      }),
      now,
      customerActor,
      { manageLink: (t) => `http://localhost:3000/manage/${t}`, stripe: stripe() },
    );

  const deliver = (delivery: { body: string; signature: string }) =>
    call(webhookRoute.POST, "POST", {
      tenant: "",
      path: "/api/payments/webhook",
      headers: { "stripe-signature": delivery.signature },
      body: delivery.body,
    });

  const sessionOf = (checkoutUrl: string | null | undefined) => {
    const id = checkoutUrl?.split("/pay/")[1];
    const session = id ? fakeStripe().sessions.get(id) : undefined;
    if (!session) throw new Error(`no session behind ${checkoutUrl}`);
    return session;
  };

  const stateOf = async (appointmentId: string) => {
    const [row] = await handle.db
      .select({ status: appointments.status, payment: payments })
      .from(appointments)
      .leftJoin(
        payments,
        and(
          eq(payments.tenantId, appointments.tenantId),
          eq(payments.appointmentId, appointments.id),
        ),
      )
      .where(eq(appointments.id, appointmentId));
    return row as NonNullable<typeof row>;
  };

  const messagesOf = (appointmentId: string) =>
    handle.db
      .select({
        kind: outboundMessages.kind,
        recipient: outboundMessages.recipient,
        payload: outboundMessages.payload,
      })
      .from(outboundMessages)
      .where(eq(outboundMessages.appointmentId, appointmentId));

  /** Pays the booking's session on the fake and delivers Stripe's signed event for it. */
  async function pay(checkoutUrl: string | null | undefined) {
    const session = fakeStripe().pay(sessionOf(checkoutUrl).id);
    const delivery = fakeStripe().event("checkout.session.completed", session);
    expect((await deliver(delivery)).status).toBe(200);
    return delivery;
  }

  it("books a paid service as a pending hold with a Checkout Session made through the SDK", async () => {
    const b = await business();
    const at = parisAt(dayFromToday(6), "10:00");
    const before = Date.now();
    const answer = await b.publicApi.book({
      activityId: b.activity.id,
      dateTime: at,
      clientInfo: client({ email: "payer@example.com" }),
    });
    expect(answer.status).toBe(201);
    const { appointment } = answer.json;
    expect(appointment.status).toBe("pending");
    expect(appointment.payment).toMatchObject({
      status: "pending",
      amount: 40,
      refunded: 0,
      currency: "EUR",
      paidAt: null,
    });
    const session = sessionOf(appointment.payment.checkoutUrl);
    expect(session.amount_total).toBe(4000);
    expect(session.currency).toBe("eur");
    expect(session.metadata.appointmentId).toBe(appointment.id);
    expect(session.success_url).toMatch(/\/manage\/[\w-]+\?.*checkout=done/);
    const request = fakeStripe().requests.find(
      (r) => r.path === "/v1/checkout/sessions" && r.form.client_reference_id === appointment.id,
    );
    expect(request?.contentType).toMatch(/application\/x-www-form-urlencoded/);
    expect(request?.idempotencyKey).toBe(`checkout-${appointment.id}`);
    // The hold lasts the business's 30 minutes (Stripe's session a little longer, see checkout.ts).
    const expiresAt = Date.parse(appointment.payment.expiresAt);
    expect(expiresAt - before).toBeGreaterThanOrEqual(30 * MINUTE);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(30 * MINUTE);
    // It holds the slot, and nobody is told of it before it is paid.
    const second = await b.publicApi.book({
      activityId: b.activity.id,
      dateTime: at,
      clientInfo: client(),
    });
    expect(second.status).toBe(409);
    expect(await messagesOf(appointment.id)).toHaveLength(0);
  });

  it("is confirmed by the signed webhook once, however often and in whatever order it comes", async () => {
    const b = await business();
    const booked = await book(b, parisAt(dayFromToday(6), "11:00"));
    const delivery = await pay(booked.payment?.checkoutUrl);
    expect((await deliver(delivery)).status).toBe(200);
    // Stripe's expiry event for the same session, arriving late, changes nothing; nor does
    // another report of the same payment under another event id.
    const late = fakeStripe().event(
      "checkout.session.expired",
      sessionOf(booked.payment?.checkoutUrl),
    );
    expect((await deliver(late)).status).toBe(200);
    const again = fakeStripe().event(
      "checkout.session.async_payment_succeeded",
      sessionOf(booked.payment?.checkoutUrl),
    );
    expect((await deliver(again)).status).toBe(200);
    await settle();
    await settle();
    const state = await stateOf(booked.id);
    expect(state.status).toBe("confirmed");
    expect(state.payment?.status).toBe("paid");
    expect(state.payment?.paymentIntentId).toMatch(/^pi_/);
    expect(state.payment).toMatchObject({ refundedMinor: 0, refundDueMinor: 0 });
    const events = await handle.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.id, delivery.id));
    expect(events).toHaveLength(1);
    const messages = await messagesOf(booked.id);
    expect(messages.map((m) => `${m.kind}:${m.recipient}`).sort()).toEqual([
      "booked:business",
      "booked:customer",
    ]);
    expect(messages.find((m) => m.recipient === "customer")?.payload.status).toBe("confirmed");
    const details = await appointmentDetails(handle.db, b.tenant, booked.id, new Date());
    expect(details.messages.map((m) => `${m.kind}:${m.recipient}`)).toEqual([
      "confirmed:customer",
      "booked:business",
    ]);
    expect(details.payment?.text).toMatch(/^Payé\u00a0: 40,00\s€$/);
    const json = await b.api.getAppointment(booked.id);
    expect(json.json.appointment.payment).toMatchObject({ status: "paid", amount: 40 });
    expect(json.json.appointment.payment.checkoutUrl).toBeNull();
  });

  it("tells webhook endpoints of the payment, the confirmation it brings and the refund", async () => {
    const b = await business();
    await createWebhook(
      handle.db,
      b.tenant.id,
      {
        url: "http://127.0.0.1:9/hooks",
        description: "",
        events: ["appointment.status_changed", "payment.completed", "payment.refunded"],
        enabled: true,
      },
      systemActor,
      { allowPrivate: true },
    );
    const booked = await book(b, parisAt(dayFromToday(6), "16:00"));
    await pay(booked.payment?.checkoutUrl);
    await settle();
    await refundByOwner(handle.db, b.tenant, booked.id, systemActor, stripe(), new Date());
    const events = await handle.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.subjectId, booked.id))
      .orderBy(webhookEvents.seq);
    expect(events.map((e) => e.type)).toEqual([
      "appointment.status_changed",
      "payment.completed",
      "payment.refunded",
    ]);
    expect(events[1]?.data).toMatchObject({
      appointment: { status: "confirmed", payment: { status: "paid" } },
    });
    expect(events[2]?.data).toMatchObject({ appointment: { payment: { status: "refunded" } } });
  });

  it("keeps an event it cannot process for the next pass, without holding up the others", async () => {
    const b = await business();
    const broken = `evt_broken_${b.biz.tenant.slug}`;
    await handle.db
      .insert(paymentEvents)
      .values({ id: broken, type: "checkout.session.completed", payload: { data: null } });
    const booked = await book(b, parisAt(dayFromToday(6), "10:00"));
    await pay(booked.payment?.checkoutUrl);
    await settle();
    expect((await stateOf(booked.id)).status).toBe("confirmed");
    const once = await handle.db.select().from(paymentEvents).where(eq(paymentEvents.id, broken));
    expect(once[0]).toMatchObject({ processedAt: null, attempts: 1 });
    expect(once[0]?.lastError).toMatch(/TypeError/);
    await settle();
    const twice = await handle.db.select().from(paymentEvents).where(eq(paymentEvents.id, broken));
    expect(twice[0]?.attempts).toBe(2);
  });

  it("refuses a tampered or unsigned event with 400 INVALID_SIGNATURE and changes nothing", async () => {
    const b = await business();
    const booked = await book(b, parisAt(dayFromToday(6), "12:00"));
    const session = fakeStripe().pay(sessionOf(booked.payment?.checkoutUrl).id);
    const delivery = fakeStripe().event("checkout.session.completed", session);
    const tampered = { ...delivery, body: delivery.body.replace('"paid"', '"paid" ') };
    const forged = fakeStripe().event("checkout.session.completed", session, {
      secret: "whsec_other",
    });
    for (const attempt of [tampered, forged, { body: delivery.body, signature: "" }]) {
      const answer = await deliver(attempt);
      expect(answer.status).toBe(400);
      expect(answer.json.code).toBe("INVALID_SIGNATURE");
    }
    await settle();
    expect((await stateOf(booked.id)).status).toBe("pending");
    const stored = await handle.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.id, delivery.id));
    expect(stored).toHaveLength(0);
  });

  it("frees the slot when the session expires, and the slot can be booked again", async () => {
    const b = await business();
    const at = parisAt(dayFromToday(6), "13:00");
    const booked = await book(b, at);
    const expired = fakeStripe().event(
      "checkout.session.expired",
      sessionOf(booked.payment?.checkoutUrl),
    );
    await deliver(expired);
    await settle();
    const state = await stateOf(booked.id);
    expect(state.status).toBe("cancelled");
    expect(state.payment?.status).toBe("expired");
    expect((await book(b, at)).status).toBe("pending");
  });

  it("releases a hold past its time without any webhook (the sweeper), expiring the session first", async () => {
    const b = await business();
    const at = parisAt(dayFromToday(6), "14:00");
    const booked = await book(b, at);
    await settle(new Date(Date.now() + 29 * MINUTE));
    expect((await stateOf(booked.id)).status).toBe("pending");
    await settle(new Date(Date.now() + 31 * MINUTE));
    const state = await stateOf(booked.id);
    expect(state.status).toBe("cancelled");
    expect(state.payment?.status).toBe("expired");
    expect(sessionOf(booked.payment?.checkoutUrl).status).toBe("expired");
    expect((await book(b, at)).status).toBe("pending");
  });

  it("ends the checkout of an unpaid booking the customer cancels, so it can no longer be paid", async () => {
    const b = await business();
    const booked = await book(b, parisAt(dayFromToday(6), "11:00"));
    await cancelByCustomer(handle.db, b.tenant, booked.manageToken, new Date());
    await settle();
    expect(sessionOf(booked.payment?.checkoutUrl).status).toBe("expired");
    expect((await stateOf(booked.id)).payment?.status).toBe("expired");
  });

  it("confirms, rather than releases, a hold whose session was paid though its event has not come", async () => {
    const b = await business();
    const booked = await book(b, parisAt(dayFromToday(6), "15:00"));
    fakeStripe().pay(sessionOf(booked.payment?.checkoutUrl).id);
    await settle(new Date(Date.now() + 31 * MINUTE));
    const state = await stateOf(booked.id);
    expect(state.status).toBe("confirmed");
    expect(state.payment?.status).toBe("paid");
  });

  it("refunds in full, and tells the customer, a payment made after its hold was released", async () => {
    const b = await business();
    const booked = await book(b, parisAt(dayFromToday(6), "16:00"));
    const session = sessionOf(booked.payment?.checkoutUrl);
    await deliver(fakeStripe().event("checkout.session.expired", session));
    await settle();
    await pay(booked.payment?.checkoutUrl);
    await settle();
    const state = await stateOf(booked.id);
    expect(state.status).toBe("cancelled");
    expect(state.payment).toMatchObject({
      status: "refunded",
      refundedMinor: 4000,
      refundReason: "late",
    });
    const refunds = fakeStripe().refunds.filter(
      (r) => r.payment_intent === state.payment?.paymentIntentId,
    );
    expect(refunds.map((r) => r.amount)).toEqual([4000]);
    const told = (await messagesOf(booked.id)).filter((m) => m.kind === "refunded");
    expect(told).toHaveLength(1);
    expect(told[0]?.payload.refund).toEqual({ amountMinor: 4000, currency: "EUR", reason: "late" });
    await deliverDue(handle.db, {
      now: new Date(),
      mailer: null,
      from: "Rendezvous <r@example.com>",
    });
    const [rendered] = await handle.db
      .select()
      .from(outboundMessages)
      .where(
        and(eq(outboundMessages.appointmentId, booked.id), eq(outboundMessages.kind, "refunded")),
      );
    expect(rendered?.subject).toMatch(/^Remboursé\u00a0: 40,00\s€, Massage /);
    expect(rendered?.textBody).toContain("intégralement remboursé");
    expect(rendered?.calendarFile).toBeNull();
    // Another pass refunds nothing more.
    await settle();
    expect(
      fakeStripe().refunds.filter((r) => r.payment_intent === state.payment?.paymentIntentId),
    ).toHaveLength(1);
  });

  it("refunds by the policy: the customer inside the notice, the business always; a move keeps it", async () => {
    const b = await business();
    // The customer cancels with notice: all of it back.
    const first = await book(b, parisAt(dayFromToday(6), "09:00"));
    await pay(first.payment?.checkoutUrl);
    await settle();
    await cancelByCustomer(handle.db, b.tenant, first.manageToken, new Date());
    await settle();
    expect((await stateOf(first.id)).payment).toMatchObject({
      status: "refunded",
      refundedMinor: 4000,
      refundReason: "customer_cancelled",
    });

    // Inside 72 hours of notice, the customer may no longer cancel, but the business may: refunded.
    await handle.db
      .update(tenants)
      .set({ cancellationNoticeHours: 72 })
      .where(eq(tenants.id, b.tenant.id));
    const tenant = { ...b.tenant, cancellationNoticeHours: 72 };
    const second = await book({ ...b, tenant }, parisAt(dayFromToday(2), "10:00"));
    await pay(second.payment?.checkoutUrl);
    await settle();
    // A move keeps the payment as it is.
    await rescheduleByCustomer(
      handle.db,
      tenant,
      second.manageToken,
      Date.parse(parisAt(dayFromToday(2), "11:00")),
      new Date(),
    );
    expect((await stateOf(second.id)).payment).toMatchObject({ status: "paid", refundedMinor: 0 });
    await expect(
      cancelByCustomer(handle.db, tenant, second.manageToken, new Date()),
    ).rejects.toMatchObject({
      code: "POLICY_WINDOW_CLOSED",
    });
    await changeAppointmentStatus(
      handle.db,
      tenant,
      second.id,
      "cancelled",
      systemActor,
      new Date(),
    );
    await settle();
    expect((await stateOf(second.id)).payment).toMatchObject({
      status: "refunded",
      refundedMinor: 4000,
      refundReason: "business_cancelled",
    });
  });

  it("keeps a deposit the business keeps when the customer cancels, and refunds it otherwise", async () => {
    const b = await business({ rule: "deposit", depositPercent: 25 });
    const booked = await book(b, parisAt(dayFromToday(6), "10:00"));
    expect(booked.payment?.amountMinor).toBe(1000);
    await pay(booked.payment?.checkoutUrl);
    await settle();
    await handle.db.update(tenants).set({ keepDeposits: true }).where(eq(tenants.id, b.tenant.id));
    await cancelByCustomer(
      handle.db,
      { ...b.tenant, keepDeposits: true },
      booked.manageToken,
      new Date(),
    );
    await settle();
    expect((await stateOf(booked.id)).payment).toMatchObject({ status: "paid", refundedMinor: 0 });
    // The owner may still give it back.
    await refundByOwner(handle.db, b.tenant, booked.id, systemActor, stripe(), new Date());
    expect((await stateOf(booked.id)).payment).toMatchObject({
      status: "refunded",
      refundedMinor: 1000,
    });
    await expect(
      refundByOwner(handle.db, b.tenant, booked.id, systemActor, stripe(), new Date()),
    ).rejects.toMatchObject({ code: "NOT_REFUNDABLE" });
  });

  it("does not book when Stripe cannot be reached, and leaves the slot free", async () => {
    const b = await business();
    const at = parisAt(dayFromToday(6), "15:00");
    fakeStripe().down = true;
    try {
      const answer = await b.publicApi.book({
        activityId: b.activity.id,
        dateTime: at,
        clientInfo: client(),
      });
      expect(answer.status).toBe(503);
      expect(answer.json.code).toBe("PAYMENT_UNAVAILABLE");
    } finally {
      fakeStripe().down = false;
    }
    const again = await b.publicApi.book({
      activityId: b.activity.id,
      dateTime: at,
      clientInfo: client(),
    });
    expect(again.status).toBe(201);
  });

  it("makes every call on the business's connected account, and ignores events of another", async () => {
    const b = await business();
    await handle.db
      .update(tenants)
      .set({ stripeAccountId: "acct_salon" })
      .where(eq(tenants.id, b.tenant.id));
    const tenant = { ...b.tenant, stripeAccountId: "acct_salon" };
    const booked = await book({ ...b, tenant }, parisAt(dayFromToday(7), "10:00"));
    const session = sessionOf(booked.payment?.checkoutUrl);
    expect(session.account).toBe("acct_salon");
    fakeStripe().pay(session.id);
    await deliver(
      fakeStripe().event("checkout.session.completed", { ...session, account: "acct_other" }),
    );
    await settle();
    expect((await stateOf(booked.id)).status).toBe("pending");
    await deliver(fakeStripe().event("checkout.session.completed", session));
    await settle();
    expect((await stateOf(booked.id)).status).toBe("confirmed");
  });

  it("reports revenue by service and staff member: paid on its day, refunded on its day, CSV", async () => {
    const b = await business();
    const deposit = (
      await b.api.createActivity(
        activityBody({ name: "Soin", price: 80, payment: { rule: "deposit", depositAmount: 20 } }),
      )
    ).json.activity;
    const full = await book(b, parisAt(dayFromToday(9), "10:00"));
    const part = await bookAppointment(
      handle.db,
      b.tenant,
      businessBookingSchema.parse({
        activityId: deposit.id,
        dateTime: parisAt(dayFromToday(9), "12:00"),
        clientInfo: client({ name: "=HYPERLINK(1)" }),
      }),
      new Date(),
      customerActor,
      { manageLink: (t) => `http://localhost:3000/manage/${t}`, stripe: stripe() },
    );
    expect(part.payment?.amountMinor).toBe(2000);
    await pay(full.payment?.checkoutUrl);
    await pay(part.payment?.checkoutUrl);
    await settle();
    await refundByOwner(handle.db, b.tenant, full.id, systemActor, stripe(), new Date());
    const { range, days } = reportDays({}, b.tenant.timeZone, new Date());
    const movements = await revenueMovements(handle.db, b.tenant, range);
    const report = revenueReport(movements, days, b.tenant.timeZone);
    expect(report.total).toMatchObject({
      paidMinor: 6000,
      refundedMinor: 4000,
      netMinor: 2000,
      payments: 2,
    });
    expect(report.byService.map((l) => [l.name, l.paidMinor, l.refundedMinor, l.netMinor])).toEqual(
      [
        ["Soin", 2000, 0, 2000],
        ["Massage", 4000, 4000, 0],
      ],
    );
    expect(report.byStaff).toHaveLength(1);
    expect(report.byStaff[0]?.netMinor).toBe(2000);
    expect(report.byDay.reduce((n, d) => n + d.netMinor, 0)).toBe(2000);
    const today = dayInZone(Date.now(), b.tenant.timeZone);
    expect(report.byDay.find((d) => d.id === today)?.payments).toBe(2);
    // Nothing in last year's January.
    const past = reportDays(
      { from: "2025-01-01", to: "2025-01-31" },
      b.tenant.timeZone,
      new Date(),
    );
    expect(await revenueMovements(handle.db, b.tenant, past.range)).toHaveLength(0);
    expect(() =>
      reportDays({ from: "2026-03-01", to: "2026-02-01" }, "Europe/Paris", new Date()),
    ).toThrow();
    const columns = {
      date: "Date",
      kind: "Kind",
      service: "Service",
      staff: "Staff",
      client: "Client",
      amount: "Amount",
      currency: "Currency",
    };
    const kinds = { payment: "Payment", refund: "Refund" };
    // RFC 4180's CRLF, like every export.
    const csv = revenueCsv(movements, b.tenant.timeZone, "en", columns, kinds).trim().split("\r\n");
    expect(csv[0]).toBe("Date,Kind,Service,Staff,Client,Amount,Currency");
    expect(csv).toHaveLength(4);
    expect(
      csv.filter((l) => l.includes(",Refund,Massage,") && l.endsWith(",-40,EUR")),
    ).toHaveLength(1);
    // A customer's name that a spreadsheet would run is defused.
    expect(csv.some((l) => l.includes("'=HYPERLINK(1)"))).toBe(true);
    // In French, like every export: `;`, a byte order mark, decimal commas.
    const french = revenueCsv(
      movements.map((m) => ({ ...m, amountMinor: m.amountMinor + 50 })),
      b.tenant.timeZone,
      "fr",
      columns,
      kinds,
    );
    expect(french.startsWith("\uFEFFDate;Kind;Service;Staff;Client;Amount;Currency\r\n")).toBe(
      true,
    );
    expect(french).toContain(";Refund;Massage;");
    expect(french).toContain(";-40,5;EUR");
  });

  it("holds a class seat until it is paid, and frees it when the checkout expires", async () => {
    const b = await business({ rule: "full" }, 12);
    const yoga = (
      await b.api.createActivity(
        activityBody({ name: "Yoga", capacity: 2, price: 12, payment: { rule: "full" } }),
      )
    ).json.activity;
    const [teacher] = (await b.api.listStaff()).json.staff;
    const startsAt = parisAt(dayFromToday(6), "12:00");
    const scheduled = await b.api.createClasses({
      activityId: yoga.id,
      staffId: teacher.id,
      startsAt,
    });
    expect(scheduled.status).toBe(201);
    const seat = (name: string) =>
      b.publicApi.book({
        activityId: yoga.id,
        dateTime: startsAt,
        clientInfo: client({ name, email: `${name}@example.com` }),
      });
    const first = (await seat("ana")).json.appointment;
    const second = (await seat("ben")).json.appointment;
    expect([first.seat, second.seat]).toEqual([1, 2]);
    expect(first.payment).toMatchObject({ status: "pending", amount: 12 });
    // Both seats are held: the class is full until one is paid or released.
    expect((await seat("cleo")).status).toBe(409);
    await pay(first.payment.checkoutUrl);
    await deliver(
      fakeStripe().event("checkout.session.expired", sessionOf(second.payment.checkoutUrl)),
    );
    await settle();
    expect((await stateOf(first.id)).status).toBe("confirmed");
    expect((await stateOf(second.id)).status).toBe("cancelled");
    const third = await seat("cleo");
    expect(third.status).toBe(201);
    expect(third.json.appointment.seat).toBe(2);
  });

  it("books the business's own bookings of a paid service without payment (paid at the venue)", async () => {
    const b = await business();
    const booked = await b.api.book({
      activityId: b.activity.id,
      dateTime: parisAt(dayFromToday(8), "10:00"),
      clientInfo: client(),
    });
    // The API's booking is a customer's (public); the business's own goes through its dashboard.
    expect(booked.json.appointment.payment.status).toBe("pending");
    const own = await bookAppointment(
      handle.db,
      b.tenant,
      businessBookingSchema.parse({
        activityId: b.activity.id,
        dateTime: parisAt(dayFromToday(8), "12:00"),
        clientInfo: client(),
      }),
      new Date(),
      systemActor,
      { status: "confirmed", stripe: stripe() },
    );
    expect(own.status).toBe("confirmed");
    expect(own.payment).toBeNull();
  });
});

describe("the revenue report's days", () => {
  it("defaults to the business's current month, whatever its length", () => {
    const month = (at: string) => {
      const { from, to, days } = reportDays({}, "Europe/Paris", new Date(at));
      return [from, to, days.length];
    };
    expect(month("2026-02-10T12:00:00Z")).toEqual(["2026-02-01", "2026-02-28", 28]);
    expect(month("2028-02-29T12:00:00Z")).toEqual(["2028-02-01", "2028-02-29", 29]);
    expect(month("2026-12-31T23:30:00Z")).toEqual(["2027-01-01", "2027-01-31", 31]);
    expect(month("2026-04-30T12:00:00Z")).toEqual(["2026-04-01", "2026-04-30", 30]);
  });
});

describe("payment rules", () => {
  const config = parseEnv({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x" })
    .stripe as NonNullable<ReturnType<typeof parseEnv>["stripe"]>;
  it("needs Stripe's keys, and a connected account unless the install is direct", () => {
    expect(paymentsReadiness({ stripeAccountId: null }, null)).toBe("no_keys");
    expect(paymentsReadiness({ stripeAccountId: "acct_1" }, null)).toBe("no_keys");
    expect(paymentsReadiness({ stripeAccountId: null }, config)).toBe("no_account");
    expect(paymentsReadiness({ stripeAccountId: "acct_1" }, config)).toBe("ready");
    expect(paymentsReadiness({ stripeAccountId: null }, { ...config, direct: true })).toBe("ready");
  });

  it("refunds nothing to a customer cancelling outside the notice", () => {
    const paid = {
      rule: "full" as const,
      status: "paid" as const,
      amountMinor: 4000,
      refundedMinor: 0,
      refundDueMinor: 0,
    };
    expect(refundOnCancel(paid, { by: "customer", withinNotice: false, keepDeposits: false })).toBe(
      0,
    );
    expect(refundOnCancel(paid, { by: "customer", withinNotice: true, keepDeposits: true })).toBe(
      4000,
    );
    expect(refundOnCancel(paid, { by: "business", withinNotice: false, keepDeposits: true })).toBe(
      4000,
    );
    expect(
      refundOnCancel(
        { ...paid, refundedMinor: 1000 },
        { by: "business", withinNotice: false, keepDeposits: false },
      ),
    ).toBe(3000);
    expect(
      refundOnCancel(
        { ...paid, status: "pending" as never },
        { by: "business", withinNotice: true, keepDeposits: false },
      ),
    ).toBe(0);
  });
});
