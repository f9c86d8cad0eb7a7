import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as myData from "@/app/(public)/manage/[token]/my-data.json/route";
import * as customerExport from "@/app/api/customers/[id]/export/route";
import * as customerById from "@/app/api/customers/[id]/route";
import * as customersRoute from "@/app/api/customers/route";
import * as webhooksRoute from "@/app/api/webhooks/route";
import { customers, type Tenant, tenants } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { toAppointmentJson } from "@/lib/appointments/formats/serialize-appointment";
import { businessBookingSchema } from "@/lib/appointments/schema";
import { customerActor, systemActor } from "@/lib/audit/record-audit";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { rereadEnv } from "@/lib/env";
import { deliverDue } from "@/lib/messages/deliver";
import { deliverWebhooks } from "@/lib/webhooks/deliver";
import { activityBody, client, dayFromToday, openBusiness, parisAt } from "../helpers/api";
import { type CallOptions, call, useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";
import { startReceiver } from "../helpers/webhook-receiver";

describe.each(engines)("customers on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());

  async function business() {
    const { api, publicApi, biz } = await openBusiness(handle.db);
    const activity = (await api.createActivity(activityBody({ price: 40 }))).json.activity;
    const auth = { authorization: `Bearer ${biz.apiKey}` };
    const o = (extra: Partial<CallOptions> = {}): CallOptions => ({
      tenant: biz.tenant.slug,
      ...extra,
      headers: { ...auth, ...extra.headers },
    });
    const people = {
      list: (query = "") => call(customersRoute.GET, "GET", o({ path: `/api/customers${query}` })),
      get: (id: string) => call(customerById.GET, "GET", o({ params: { id } })),
      update: (id: string, body: unknown, headers?: Record<string, string>) =>
        call(customerById.PATCH, "PATCH", o({ params: { id }, body, headers })),
    };
    const book = (hhmm: string, info: Record<string, unknown> = {}, day = 2) =>
      publicApi.book({
        activityId: activity.id,
        dateTime: parisAt(dayFromToday(day), hhmm),
        clientInfo: client(info),
      });
    return { api, biz, activity, people, book };
  }

  it("makes one customer per address, whatever its case, and links their bookings", async () => {
    const b = await business();
    const first = await b.book("09:00", { email: "Alice@Example.com", phone: null });
    const second = await b.book("11:00", {
      email: "alice@example.COM",
      phone: "+33 6 12 34 56 78",
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    const id = first.json.appointment.customerId;
    expect(id).toEqual(expect.any(String));
    expect(second.json.appointment.customerId).toBe(id);
    const rows = await handle.db
      .select()
      .from(customers)
      .where(eq(customers.tenantId, b.biz.tenant.id));
    expect(rows).toHaveLength(1);
    // As first given: a returning customer is only read (the team edits a customer's details).
    expect(rows[0]).toMatchObject({
      email: "alice@example.com",
      name: "Alice Martin",
      phone: null,
    });

    const listed = await b.people.list();
    expect(listed.status).toBe(200);
    expect(listed.json.customers).toHaveLength(1);
    expect(listed.json.customers[0]).toMatchObject({
      id,
      email: "alice@example.com",
      stats: { bookings: 2, noShows: 0, totalSpent: 0, currency: "EUR", lastVisitAt: null },
    });
    const filtered = await b.api.listAppointments({ customerId: id });
    expect(filtered.json.appointments).toHaveLength(2);

    // The same address in another business is another customer.
    const other = await business();
    const elsewhere = await other.book("09:00", { email: "alice@example.com" });
    expect(elsewhere.json.appointment.customerId).not.toBe(id);
  });

  it("keeps a customer's history, stats, notes and tags", async () => {
    const b = await business();
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.id, b.biz.tenant.id));
    // Two bookings made a week ago, for days now past; one to come.
    const weekAgo = new Date(Date.now() - 7 * 86_400_000);
    const bookedThen = (day: number) =>
      bookAppointment(
        handle.db,
        tenant as Tenant,
        businessBookingSchema.parse({
          activityId: b.activity.id,
          dateTime: parisAt(dayFromToday(day), "09:00"),
          clientInfo: client(),
        }),
        weekAgo,
        customerActor,
      ).then((row) => ({ json: { appointment: toAppointmentJson(row) } }));
    const one = await bookedThen(-3);
    const two = await bookedThen(-2);
    const three = await b.book("09:00", {}, 4);
    // Past bookings, made as the business would record them.
    await b.api.setStatus(one.json.appointment.id, "confirmed");
    expect((await b.api.setStatus(one.json.appointment.id, "completed")).status).toBe(200);
    expect((await b.api.setStatus(two.json.appointment.id, "no_show")).status).toBe(200);
    const id = three.json.appointment.customerId;

    const got = await b.people.get(id);
    expect(got.status).toBe(200);
    expect(got.json.customer.stats).toMatchObject({ bookings: 3, noShows: 1, totalSpent: 40 });
    expect(got.json.customer.stats.lastVisitAt).toBe(one.json.appointment.dateTime);
    expect(got.json.appointments.map((a: { id: string }) => a.id)).toEqual([
      three.json.appointment.id,
      two.json.appointment.id,
      one.json.appointment.id,
    ]);

    const changed = await b.people.update(id, {
      notes: "Prefers mornings",
      tags: ["vip", "vip", "allergic"],
    });
    expect(changed.status).toBe(200);
    expect(changed.json.customer).toMatchObject({
      notes: "Prefers mornings",
      tags: ["vip", "allergic"],
      name: "Alice Martin",
    });
    const bad = await b.people.update(id, { tags: [""], phone: "call me" });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.details).sort()).toEqual(["phone", "tags.0"]);
    expect((await b.people.get(id)).json.customer.notes).toBe("Prefers mornings");
    expect((await b.people.get("00000000-0000-4000-8000-000000000000")).status).toBe(404);

    const { secret } = await createApiKey(
      handle.db,
      b.biz.tenant.id,
      { name: "reader", scope: "read" },
      systemActor,
    );
    const readOnly = await b.people.update(
      id,
      { notes: "x" },
      { authorization: `Bearer ${secret}` },
    );
    expect(readOnly.status).toBe(403);
  });

  it("exports everything about one customer, and nothing of another or of another business", async () => {
    const b = await business();
    const other = await business();
    const mine = await b.book("09:00", { email: "mia@example.com", name: "Mia Mine" });
    await b.book("10:00", { email: "mia@example.com", name: "Mia Mine" });
    await b.book("11:00", { email: "noah@example.com", name: "Noah Neighbour" });
    await other.book("09:00", { email: "mia@example.com", name: "Mia Elsewhere" });
    const id = mine.json.appointment.customerId;
    await b.people.update(id, { notes: "Allergic to lavender" });
    // The messages of every booking are out, so that another customer's could slip in.
    await deliverDue(handle.db, { now: new Date(), mailer: null, from: "R <r@test>" });
    const exported = await call(customerExport.GET, "GET", {
      tenant: b.biz.tenant.slug,
      headers: { authorization: `Bearer ${b.biz.apiKey}` },
      params: { id },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toMatch(/^attachment; filename="my-data-/);
    const data = exported.json;
    expect(data.customer).toMatchObject({
      id,
      email: "mia@example.com",
      notes: "Allergic to lavender",
    });
    expect(data.appointments).toHaveLength(2);
    expect(data.messages.length).toBeGreaterThan(0);
    for (const message of data.messages) expect(message.to).toBe("mia@example.com");
    expect(data.business.slug).toBe(b.biz.tenant.slug);
    const text = JSON.stringify(data);
    for (const foreign of ["Noah", "noah@example.com", "Mia Elsewhere", other.biz.tenant.slug]) {
      expect(text).not.toContain(foreign);
    }

    // The customer's own copy, from their private manage link.
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.id, b.biz.tenant.id));
    const booked = await bookAppointment(
      handle.db,
      tenant as Tenant,
      businessBookingSchema.parse({
        activityId: b.activity.id,
        dateTime: parisAt(dayFromToday(3), "09:00"),
        clientInfo: client({ email: "mia@example.com" }),
      }),
      new Date(),
      customerActor,
    );
    const own = await call(myData.GET, "GET", {
      tenant: b.biz.tenant.slug,
      params: { token: booked.manageToken },
    });
    expect(own.status).toBe(200);
    expect(own.json.appointments).toHaveLength(3);
    expect(JSON.stringify(own.json)).not.toContain("Noah");
    expect(
      (await call(myData.GET, "GET", { tenant: b.biz.tenant.slug, params: { token: "x" } })).status,
    ).toBe(404);
  });

  it("makes one customer of two bookings by a new address at the same moment", async () => {
    const b = await business();
    const [first, second] = await Promise.all([
      b.book("09:00", { email: "twin@example.com" }),
      b.book("13:00", { email: "Twin@example.com" }),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.json.appointment.customerId).toBe(second.json.appointment.customerId);
    expect((await b.people.list()).json.customers).toHaveLength(1);
  });

  it("searches and pages customers, newest first, each once", async () => {
    const b = await business();
    const names = ["Zoé Zola", "Yann Young", "Xavier Xu", "Wanda West", "Victor Vega"];
    for (const [n, name] of names.entries()) {
      const booked = await b.book(`${9 + n}:00`.padStart(5, "0"), {
        name,
        email: `customer${n}@example.com`,
      });
      expect(booked.status).toBe(201);
    }
    const found = await b.people.list("?search=WEST");
    expect(found.json.customers.map((c: { name: string }) => c.name)).toEqual(["Wanda West"]);
    expect((await b.people.list("?search=%25")).json.customers).toEqual([]);

    const seen: string[] = [];
    let cursor = "";
    for (let page = 0; page < 5; page++) {
      const listed = await b.people.list(`?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...listed.json.customers.map((c: { name: string }) => c.name));
      if (!listed.json.pagination.hasMore) break;
      cursor = listed.json.pagination.nextCursor;
    }
    expect(seen).toEqual([...names].reverse());
    const today = dayFromToday(0);
    expect(
      (await b.people.list(`?createdFrom=${today}&createdTo=${today}`)).json.customers,
    ).toHaveLength(5);
    expect((await b.people.list(`?createdTo=${dayFromToday(-1)}`)).json.customers).toHaveLength(0);
    expect((await b.people.list("?limit=0")).status).toBe(422);
    expect((await b.people.list("?cursor=nope")).status).toBe(422);
  });

  it("tells of a new customer once, by webhook", async () => {
    const b = await business();
    const receiver = await startReceiver();
    process.env.WEBHOOKS_ALLOW_PRIVATE = "1";
    rereadEnv();
    try {
      const created = await call(webhooksRoute.POST, "POST", {
        tenant: b.biz.tenant.slug,
        headers: { authorization: `Bearer ${b.biz.apiKey}` },
        body: { url: receiver.url, events: ["customer.created"] },
      });
      receiver.state.secrets = [created.json.webhook.secret];
      await b.book("09:00", { email: "new@example.com", name: "Nina New" });
      await b.book("10:00", { email: "NEW@example.com", name: "Nina New" });
      await b.api.book({
        activityId: b.activity.id,
        dateTime: parisAt(dayFromToday(2), "12:00"),
        clientInfo: client({ email: null, name: "Walk-in" }),
      });
      await deliverWebhooks(handle.db, { now: new Date(), allowPrivate: true });
      expect(receiver.types()).toEqual(["customer.created"]);
      expect(receiver.received[0]?.payload.data.customer).toMatchObject({
        email: "new@example.com",
        name: "Nina New",
      });
    } finally {
      delete process.env.WEBHOOKS_ALLOW_PRIVATE;
      rereadEnv();
      await receiver.close();
    }
  });
});
