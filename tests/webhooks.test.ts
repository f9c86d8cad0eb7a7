import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as retryRoute from "@/app/api/webhooks/[id]/deliveries/[deliveryId]/retry/route";
import * as deliveriesRoute from "@/app/api/webhooks/[id]/deliveries/route";
import * as rotateRoute from "@/app/api/webhooks/[id]/rotate-secret/route";
import * as webhookById from "@/app/api/webhooks/[id]/route";
import * as testRoute from "@/app/api/webhooks/[id]/test/route";
import * as webhooksRoute from "@/app/api/webhooks/route";
import {
  outboundMessages,
  type Tenant,
  tenants,
  webhookDeliveries,
  webhookEndpoints,
  webhookEvents,
} from "@/db/schema";
import { businessBookingSchema } from "@/lib/appointments/schema";
import { customerActor, systemActor } from "@/lib/audit/record-audit";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { changeAppointmentStatus } from "@/lib/booking/change-status";
import { rescheduleAppointment } from "@/lib/booking/reschedule-appointment";
import { rereadEnv } from "@/lib/env";
import { deliverDue } from "@/lib/messages/deliver";
import { isPublicAddress, refusedHost } from "@/lib/webhooks/address-guard";
import { DISABLE_AFTER_MS, deliverWebhooks } from "@/lib/webhooks/deliver";
import { createWebhook } from "@/lib/webhooks/endpoints";
import { activityBody, client, dayFromToday, openBusiness, parisAt } from "./helpers/api";
import { type CallOptions, call, useAppDatabase } from "./helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";
import { allowPrivateWebhooks } from "./helpers/webhook-env";
import { type Receiver, startReceiver } from "./helpers/webhook-receiver";

const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe.each(engines)("webhooks on %s", (engine) => {
  let handle: TestDatabase;
  let receiver: Receiver;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());
  allowPrivateWebhooks();
  beforeEach(async () => {
    // Each test's endpoints only: those of the tests before are turned off.
    await handle.db.update(webhookEndpoints).set({ enabled: false });
    await receiver?.close();
    receiver = await startReceiver();
  });

  const hooks = (tenant: string, auth: Record<string, string>) => {
    const o = (extra: Partial<CallOptions> = {}): CallOptions => ({
      tenant,
      ...extra,
      headers: { ...auth, ...extra.headers },
    });
    return {
      create: (body: unknown) => call(webhooksRoute.POST, "POST", o({ body })),
      list: () => call(webhooksRoute.GET, "GET", o()),
      get: (id: string) => call(webhookById.GET, "GET", o({ params: { id } })),
      update: (id: string, body: unknown) =>
        call(webhookById.PATCH, "PATCH", o({ params: { id }, body })),
      remove: (id: string) => call(webhookById.DELETE, "DELETE", o({ params: { id } })),
      rotate: (id: string) => call(rotateRoute.POST, "POST", o({ params: { id } })),
      test: (id: string) => call(testRoute.POST, "POST", o({ params: { id } })),
      log: (id: string, query = "") =>
        call(
          deliveriesRoute.GET,
          "GET",
          o({ params: { id }, path: `/api/webhooks/${id}/deliveries${query}` }),
        ),
      retry: (id: string, deliveryId: string) =>
        call(retryRoute.POST, "POST", o({ params: { id, deliveryId } })),
    };
  };

  /** A business open every day with a massage, and an endpoint on the receiver for `events`. */
  async function business(events: string[] = ["appointment.created"]) {
    const { api, publicApi, biz } = await openBusiness(handle.db);
    const activity = (await api.createActivity(activityBody())).json.activity;
    const admin = hooks(biz.tenant.slug, { authorization: `Bearer ${biz.apiKey}` });
    const created = await admin.create({ url: receiver.url, events, description: "CRM" });
    expect(created.status).toBe(201);
    receiver.state.secrets = [created.json.webhook.secret];
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.id, biz.tenant.id));
    return {
      api,
      publicApi,
      biz,
      admin,
      activity,
      tenant: tenant as Tenant,
      endpoint: created.json.webhook,
    };
  }
  type Business = Awaited<ReturnType<typeof business>>;

  const book = (b: Business, dateTime: string, now = new Date(), db = handle.db) =>
    bookAppointment(
      db,
      b.tenant,
      businessBookingSchema.parse({
        activityId: b.activity.id,
        dateTime,
        clientInfo: client(),
      }),
      now,
      customerActor,
    );

  const deliver = (now: Date, extra: { allowPrivate?: boolean; timeoutMs?: number } = {}) =>
    deliverWebhooks(handle.db, { now, allowPrivate: extra.allowPrivate ?? true, ...extra });

  const deliveriesOf = (endpointId: string) =>
    handle.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpointId))
      .orderBy(webhookDeliveries.seq);

  const endpointRow = async (id: string) => {
    const [row] = await handle.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, id));
    return row as NonNullable<typeof row>;
  };

  it("manages endpoints through the API: the secret is shown once, admins only, input checked", async () => {
    const b = await business();
    expect(b.endpoint).toMatchObject({
      url: receiver.url,
      events: ["appointment.created"],
      enabled: true,
      description: "CRM",
    });
    expect(b.endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const listed = await b.admin.list();
    expect(listed.json.webhooks).toHaveLength(1);
    expect(JSON.stringify(listed.json)).not.toContain(b.endpoint.secret);
    expect((await b.admin.get(b.endpoint.id)).json.webhook.secret).toBeUndefined();

    const bad = await b.admin.create({ url: "ftp://example.com", events: ["appointment.sent"] });
    expect(bad.status).toBe(422);
    expect(bad.json.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(bad.json.details ?? {}).sort()).toEqual(["events.0", "url"]);
    expect((await b.admin.create({ url: receiver.url, events: [] })).status).toBe(422);

    const staff = hooks(b.biz.tenant.slug, {
      authorization: `Basic ${Buffer.from(`${b.biz.staff.email}:staff-password`).toString("base64")}`,
    });
    expect((await staff.list()).status).toBe(401);

    const off = await b.admin.update(b.endpoint.id, {
      enabled: false,
      events: ["appointment.cancelled"],
    });
    expect(off.json.webhook).toMatchObject({
      enabled: false,
      disabledReason: "owner",
      events: ["appointment.cancelled"],
      url: receiver.url,
    });
    expect((await b.admin.remove(b.endpoint.id)).status).toBe(204);
    expect((await b.admin.get(b.endpoint.id)).status).toBe(404);
  });

  it("keeps the endpoint limit under concurrent creates", async () => {
    const { biz } = await openBusiness(handle.db);
    const admin = hooks(biz.tenant.slug, { authorization: `Bearer ${biz.apiKey}` });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        admin.create({ url: `${receiver.url}?n=${i}`, events: ["appointment.created"] }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(20);
    expect(answers.filter((a) => a.json?.code === "WEBHOOK_LIMIT_REACHED")).toHaveLength(20);
    expect((await admin.list()).json.webhooks).toHaveLength(20);
  });

  it("refuses loopback, private, link-local and metadata addresses unless allowed", async () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "192.168.1.1", "169.254.169.254", "::1"]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    expect(isPublicAddress("::ffff:127.0.0.1")).toBe(false);
    expect(isPublicAddress("fd00::1")).toBe(false);
    // IPv4 inside IPv6: compatible, mapped, NAT64, 6to4, Teredo.
    for (const address of [
      "::127.0.0.1",
      "::7f00:1",
      "::10.0.0.1",
      "::8.8.8.8",
      "::ffff:169.254.169.254",
      "64:ff9b::7f00:1",
      "64:ff9b:1::a00:1",
      "2002:7f00:1::",
      "2001:0:4136:e378:8000:63bf:80ff:fffe",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    expect(isPublicAddress("2606:4700::1111")).toBe(true);
    expect(isPublicAddress("93.184.215.14")).toBe(true);
    expect(await refusedHost("localhost")).toMatch(/private or local/);
    expect(await refusedHost("[::1]")).toMatch(/private or local/);
    const { biz } = await openBusiness(handle.db);
    for (const url of [
      "http://127.0.0.1:9/hooks",
      "http://localhost/hooks",
      "http://169.254.169.254/latest/meta-data",
      "http://[::ffff:10.0.0.1]/",
      "http://[::127.0.0.1]/",
    ]) {
      await expect(
        createWebhook(
          handle.db,
          biz.tenant.id,
          { url, events: ["appointment.created"], description: "", enabled: true },
          systemActor,
          {
            allowPrivate: false,
          },
        ),
        url,
      ).rejects.toMatchObject({ code: "WEBHOOK_URL_NOT_ALLOWED" });
    }
    // Through the API, with the switch off: 422 with the stable code.
    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    rereadEnv();
    try {
      const admin = hooks(biz.tenant.slug, { authorization: `Bearer ${biz.apiKey}` });
      const refused = await admin.create({ url: receiver.url, events: ["appointment.created"] });
      expect(refused.status).toBe(422);
      expect(refused.json.code).toBe("WEBHOOK_URL_NOT_ALLOWED");
    } finally {
      process.env.WEBHOOKS_ALLOW_PRIVATE = "1";
      rereadEnv();
    }
  });

  it("sends a booking's event signed per Standard Webhooks, with the appointment in the API's shape", async () => {
    const b = await business();
    const day = dayFromToday(3);
    const booked = await b.publicApi.book({
      activityId: b.activity.id,
      dateTime: parisAt(day, "10:00"),
      clientInfo: client(),
    });
    expect(booked.status).toBe(201);
    expect(await deliver(new Date())).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got?.verifiedWith).toEqual([b.endpoint.secret]);
    expect(got?.headers["webhook-id"]).toBe(got?.payload.id);
    expect(Number(got?.headers["webhook-timestamp"])).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(got?.payload).toEqual({
      id: expect.any(String),
      type: "appointment.created",
      timestamp: expect.any(String),
      data: { appointment: booked.json.appointment },
      tenant: { id: b.biz.tenant.id, slug: b.biz.tenant.slug },
    });
    // Delivered: the next pass sends nothing again.
    expect(await deliver(new Date(Date.now() + MINUTE))).toBe(0);
    expect(receiver.received).toHaveLength(1);
  });

  it("writes nothing for a booking that rolls back, nor for one refused", async () => {
    const b = await business();
    const start = parisAt(dayFromToday(3), "11:00");
    await expect(
      handle.db.transaction(async (tx) => {
        await book(b, start, new Date(), tx);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await book(b, start);
    const refused = await b.publicApi.book({
      activityId: b.activity.id,
      dateTime: start,
      clientInfo: client(),
    });
    expect(refused.status).toBe(409);
    const events = await handle.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.tenantId, b.tenant.id));
    expect(events.map((e) => e.type)).toEqual(["appointment.created"]);
    await deliver(new Date());
    expect(receiver.types()).toEqual(["appointment.created"]);
  });

  it("delivers every event after a receiver comes back, in order per appointment, once each", async () => {
    const b = await business([
      "appointment.created",
      "appointment.updated",
      "appointment.status_changed",
      "appointment.cancelled",
    ]);
    const t0 = new Date();
    const day = dayFromToday(4);
    const first = await book(b, parisAt(day, "09:00"), t0);
    const second = await book(b, parisAt(day, "14:00"), t0);
    await rescheduleAppointment(
      handle.db,
      b.tenant,
      first.id,
      Date.parse(parisAt(day, "10:00")),
      t0,
      systemActor,
    );
    await changeAppointmentStatus(handle.db, b.tenant, first.id, "cancelled", systemActor, t0);
    await changeAppointmentStatus(handle.db, b.tenant, second.id, "confirmed", systemActor, t0);

    receiver.state.answer = { status: 503, body: "down for maintenance" };
    // Only the first event of each appointment is tried: the others wait behind it.
    expect(await deliver(t0)).toBe(2);
    expect(await deliver(new Date(t0.getTime() + 4 * SECOND))).toBe(0);
    expect(await deliver(new Date(t0.getTime() + 5 * SECOND))).toBe(2);
    expect(receiver.state.requests).toBe(4);
    expect(receiver.received).toHaveLength(0);
    const waiting = await deliveriesOf(b.endpoint.id);
    expect(waiting.map((d) => d.attempts)).toEqual([2, 2, 0, 0, 0, 0]);
    // Third try on the schedule: 5 minutes after the second.
    const third = new Date(t0.getTime() + 5 * SECOND + 5 * MINUTE);
    expect(waiting[0]?.nextAttemptAt).toEqual(third);

    receiver.state.answer = { status: 204 };
    expect(await deliver(third)).toBe(6);
    const about = (id: string) =>
      receiver.received
        .filter((r) => r.payload.data.appointment.id === id)
        .map((r) => r.payload.type);
    expect(about(first.id)).toEqual([
      "appointment.created",
      "appointment.updated",
      "appointment.status_changed",
      "appointment.cancelled",
    ]);
    expect(about(second.id)).toEqual(["appointment.created", "appointment.status_changed"]);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(6);
    const moved = receiver.received.find((r) => r.payload.type === "appointment.updated");
    expect(moved?.payload.data.appointment.dateTime).toBe(parisAt(day, "10:00"));
    const cancelled = receiver.received.find((r) => r.payload.type === "appointment.cancelled");
    expect(cancelled?.payload.data.appointment.status).toBe("cancelled");
    expect(await deliver(new Date(third.getTime() + 3_600_000))).toBe(0);
    expect((await endpointRow(b.endpoint.id)).failingSince).toBeNull();
  });

  it("honours Retry-After, turns an endpoint off on 410, and after five days of failures", async () => {
    const b = await business();
    const t0 = new Date();
    await book(b, parisAt(dayFromToday(5), "09:00"), t0);
    receiver.state.answer = { status: 429, headers: { "retry-after": "120" } };
    await deliver(t0);
    const [waiting] = await deliveriesOf(b.endpoint.id);
    expect(waiting?.nextAttemptAt).toEqual(new Date(t0.getTime() + 120 * SECOND));
    expect((await endpointRow(b.endpoint.id)).failingSince).toEqual(t0);

    // Still failing five days on: off, and said why.
    receiver.state.answer = { status: 500 };
    await deliver(new Date(t0.getTime() + 120 * SECOND));
    expect((await endpointRow(b.endpoint.id)).enabled).toBe(true);
    await handle.db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: t0 })
      .where(eq(webhookDeliveries.endpointId, b.endpoint.id));
    await deliver(new Date(t0.getTime() + DISABLE_AFTER_MS));
    expect(await endpointRow(b.endpoint.id)).toMatchObject({
      enabled: false,
      disabledReason: "failing",
    });
    // Its owners are told, by the message outbox.
    await deliverDue(handle.db, {
      now: new Date(t0.getTime() + DISABLE_AFTER_MS),
      mailer: null,
      from: "Rendezvous <r@test>",
    });
    const [notice] = await handle.db
      .select()
      .from(outboundMessages)
      .where(
        and(
          eq(outboundMessages.tenantId, b.tenant.id),
          eq(outboundMessages.kind, "webhook_disabled"),
        ),
      );
    expect(notice).toMatchObject({
      status: "stored",
      toAddress: `owner@${b.biz.tenant.slug}.test`,
      subject: `Webhook désactivé\u00a0: ${receiver.url}`,
    });
    expect(notice?.textBody).toContain("Après cinq jours d’envois en échec");
    // Off: nothing more is tried, however long one waits.
    const before = receiver.state.requests;
    expect(await deliver(new Date(t0.getTime() + 10 * DISABLE_AFTER_MS))).toBe(0);
    expect(receiver.state.requests).toBe(before);

    // Another business's receiver answers 410 Gone: off at once.
    const other = await business();
    await book(other, parisAt(dayFromToday(5), "10:00"), t0);
    receiver.state.answer = { status: 410 };
    await deliver(t0);
    expect(await endpointRow(other.endpoint.id)).toMatchObject({
      enabled: false,
      disabledReason: "gone",
    });
    // Off, it is owed nothing; turned back on by its owner, it receives what happens next.
    receiver.state.answer = { status: 200 };
    await book(other, parisAt(dayFromToday(5), "11:00"), t0);
    expect(await deliveriesOf(other.endpoint.id)).toHaveLength(1);
    expect(
      (await other.admin.update(other.endpoint.id, { enabled: true })).json.webhook,
    ).toMatchObject({
      enabled: true,
      disabledReason: null,
    });
    await book(other, parisAt(dayFromToday(5), "12:00"), t0);
    await deliver(new Date(t0.getTime() + MINUTE));
    expect(receiver.received.map((r) => r.payload.tenant.slug)).toEqual([other.biz.tenant.slug]);
  });

  it("refuses at connection a private address it was not allowed, and cuts a receiver that hangs", async () => {
    const b = await business();
    const t0 = new Date();
    await book(b, parisAt(dayFromToday(6), "09:00"), t0);
    await deliver(t0, { allowPrivate: false });
    expect(receiver.state.requests).toBe(0);
    let log = await b.admin.log(b.endpoint.id);
    expect(log.json.deliveries[0].tries[0]).toMatchObject({
      statusCode: null,
      error: expect.stringMatching(/private or local/),
    });
    // A name, checked when it is resolved for the connection (a rebinding name cannot slip by).
    await handle.db
      .update(webhookEndpoints)
      .set({ url: `http://localhost:${receiver.port}/hooks` })
      .where(eq(webhookEndpoints.id, b.endpoint.id));
    await deliver(new Date(t0.getTime() + 5 * SECOND), { allowPrivate: false });
    expect(receiver.state.requests).toBe(0);
    log = await b.admin.log(b.endpoint.id);
    expect(log.json.deliveries[0].tries[0].error).toMatch(/localhost leads to a private or local/);

    receiver.state.answer = { status: 200, hang: true };
    await deliver(new Date(t0.getTime() + 6 * MINUTE), { timeoutMs: 300 });
    log = await b.admin.log(b.endpoint.id);
    expect(log.json.deliveries[0]).toMatchObject({ status: "pending", attempts: 3 });
    expect(log.json.deliveries[0].tries[0].error).toMatch(/no answer within 0.3 s/);
  });

  it("keeps a log, sends again and sends a test event; a rotated secret signs beside the old one", async () => {
    const b = await business();
    const t0 = new Date();
    await book(b, parisAt(dayFromToday(7), "09:00"), t0);
    receiver.state.answer = { status: 500, body: "x".repeat(5000) };
    await deliver(t0);
    receiver.state.answer = { status: 200, body: "thanks" };
    await deliver(new Date(t0.getTime() + 5 * SECOND));
    const log = await b.admin.log(b.endpoint.id);
    expect(log.status).toBe(200);
    const [delivery] = log.json.deliveries;
    expect(delivery).toMatchObject({
      eventType: "appointment.created",
      status: "succeeded",
      attempts: 2,
    });
    expect(delivery.tries.map((t: { statusCode: number }) => t.statusCode)).toEqual([200, 500]);
    expect(delivery.tries[1].responseBody).toHaveLength(1024);
    expect(delivery.tries[0].responseBody).toBe("thanks");
    expect(delivery.tries[0].durationMs).toBeGreaterThanOrEqual(0);

    const again = await b.admin.retry(b.endpoint.id, delivery.id);
    expect(again.status).toBe(202);
    expect(again.json.delivery).toMatchObject({ eventId: delivery.eventId, status: "pending" });
    const tested = await b.admin.test(b.endpoint.id);
    expect(tested.status).toBe(202);
    await deliver(new Date(t0.getTime() + 10 * SECOND));
    // Sent together, in no particular order: they are about different things.
    expect(receiver.types().sort()).toEqual([
      "appointment.created",
      "appointment.created",
      "webhook.test",
    ]);
    const resent = receiver.received.filter((r) => r.payload.type === "appointment.created");
    expect(resent[1]?.id).toBe(resent[0]?.id);

    const rotated = await b.admin.rotate(b.endpoint.id);
    const fresh = rotated.json.webhook.secret;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(b.endpoint.secret);
    receiver.state.secrets = [b.endpoint.secret, fresh];
    await b.admin.test(b.endpoint.id);
    await deliver(new Date());
    expect(receiver.received.at(-1)?.verifiedWith).toEqual([b.endpoint.secret, fresh]);
    // Once the overlap is over, only the new secret signs.
    await handle.db
      .update(webhookEndpoints)
      .set({ previousSecretUntil: new Date(Date.now() - SECOND) })
      .where(eq(webhookEndpoints.id, b.endpoint.id));
    await b.admin.test(b.endpoint.id);
    await deliver(new Date());
    expect(receiver.received.at(-1)?.verifiedWith).toEqual([fresh]);

    const page = await b.admin.log(b.endpoint.id, "?limit=2");
    expect(page.json.deliveries).toHaveLength(2);
    expect(page.json.pagination.hasMore).toBe(true);
    const rest = await b.admin.log(
      b.endpoint.id,
      `?limit=2&cursor=${page.json.pagination.nextCursor}`,
    );
    expect(rest.json.deliveries.map((d: { id: string }) => d.id)).not.toContain(
      page.json.deliveries[0].id,
    );
    expect(
      (await b.admin.retry(b.endpoint.id, "00000000-0000-4000-8000-000000000000")).status,
    ).toBe(404);
  });

  it("tells of status changes and a deletion with the appointment as it then was", async () => {
    const b = await business(["appointment.status_changed", "appointment.deleted"]);
    const t0 = new Date();
    const booked = await book(b, parisAt(dayFromToday(8), "09:00"), t0);
    await changeAppointmentStatus(handle.db, b.tenant, booked.id, "confirmed", systemActor, t0);
    expect((await b.api.deleteAppointment(booked.id)).status).toBe(204);
    await deliver(new Date());
    expect(receiver.types()).toEqual(["appointment.status_changed", "appointment.deleted"]);
    expect(receiver.received.map((r) => r.payload.data.appointment.status)).toEqual([
      "confirmed",
      "confirmed",
    ]);
    const events = await handle.db
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.tenantId, b.tenant.id), eq(webhookEvents.subjectId, booked.id)));
    expect(events).toHaveLength(2);
  });
});
