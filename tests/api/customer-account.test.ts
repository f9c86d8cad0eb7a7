import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as code from "@/app/api/customer/auth/code/route";
import * as verify from "@/app/api/customer/auth/verify/route";
import * as customerById from "@/app/api/customers/[id]/route";
import * as myAppointmentsRoute from "@/app/api/me/appointments/route";
import * as me from "@/app/api/me/route";
import * as signOut from "@/app/api/me/sign-out/route";
import { customerSignInCodes, customers, outboundMessages, rateLimits, tenants } from "@/db/schema";
import { CODE_TRIES, myAppointments, requestSignInCode, verifySignInCode } from "@/lib/accounts";
import { deliverDue } from "@/lib/messages/deliver";
import { openApiDocument } from "@/lib/openapi/document";
import { activityBody, client, dayFromToday, openBusiness, parisAt } from "../helpers/api";
import { call, useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

const routeFiles = import.meta.glob("../../app/api/**/route.ts");

describe.each(engines)("customer accounts on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());
  // The sign-in limits are tested on their own below; elsewhere every step starts afresh.
  beforeEach(async () => {
    await handle.db.delete(rateLimits);
  });

  async function business() {
    const { api, publicApi, biz } = await openBusiness(handle.db);
    const activity = (await api.createActivity(activityBody({ price: 40 }))).json.activity;
    const slug = biz.tenant.slug;
    const askCode = (email: string) => call(code.POST, "POST", { tenant: slug, body: { email } });
    const tryCode = (email: string, value: string) =>
      call(verify.POST, "POST", { tenant: slug, body: { email, code: value } });
    /** The code the latest message to `email` carries, as it waits in the outbox. */
    const codeSentTo = async (email: string) => {
      const [message] = await handle.db
        .select({ payload: outboundMessages.payload })
        .from(outboundMessages)
        .where(
          and(
            eq(outboundMessages.tenantId, biz.tenant.id),
            eq(outboundMessages.kind, "sign_in_code"),
            sql`${outboundMessages.payload} ->> 'to' = ${email}`,
          ),
        )
        .orderBy(desc(outboundMessages.createdAt))
        .limit(1);
      return message?.payload.code ?? "";
    };
    const signIn = async (email: string) => {
      expect((await askCode(email)).status).toBe(202);
      const answer = await tryCode(email, await codeSentTo(email));
      expect(answer.status).toBe(200);
      return answer.json.token as string;
    };
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    const account = (token: string) => ({
      me: () => call(me.GET, "GET", { tenant: slug, headers: as(token) }),
      update: (body: unknown) =>
        call(me.PATCH, "PATCH", { tenant: slug, headers: as(token), body }),
      appointments: (query = "") =>
        call(myAppointmentsRoute.GET, "GET", {
          tenant: slug,
          headers: as(token),
          path: `/api/me/appointments${query}`,
        }),
      signOut: () => call(signOut.POST, "POST", { tenant: slug, headers: as(token) }),
    });
    const book = (hhmm: string, email: string, day = 2) =>
      publicApi.book({
        activityId: activity.id,
        dateTime: parisAt(dayFromToday(day), hhmm),
        clientInfo: client({ email }),
      });
    return { biz, api, publicApi, activity, askCode, tryCode, codeSentTo, signIn, account, book };
  }

  it("signs a customer in with the code mailed to them, once, and shows the bookings they made as a guest", async () => {
    const b = await business();
    const booked = (await b.book("10:00", "guest@example.test")).json.appointment;
    const sent = await b.askCode("Guest@Example.test");
    expect(sent.status).toBe(202);
    expect(sent.json).toEqual({ sent: true, outbox: true });
    const value = await b.codeSentTo("guest@example.test");
    expect(value).toMatch(/^\d{6}$/);
    // Neither the code nor the address is kept in the codes table.
    const [row] = await handle.db
      .select()
      .from(customerSignInCodes)
      .where(eq(customerSignInCodes.tenantId, b.biz.tenant.id));
    expect(JSON.stringify(row)).not.toContain(value);
    expect(JSON.stringify(row)).not.toContain("guest@");

    const signedIn = await b.tryCode("guest@example.test", value);
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.token).toMatch(/^rvc_/);
    expect(Date.parse(signedIn.json.expiresAt)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    // Once only.
    const again = await b.tryCode("guest@example.test", value);
    expect(again.status).toBe(422);
    expect(again.json.code).toBe("CODE_INVALID");

    const mine = b.account(signedIn.json.token);
    const profile = await mine.me();
    expect(profile.status).toBe(200);
    expect(profile.json.customer).toMatchObject({ email: "guest@example.test", locale: null });
    const upcoming = await mine.appointments();
    expect(upcoming.status).toBe(200);
    expect(upcoming.json.appointments.map((a: { id: string }) => a.id)).toEqual([booked.id]);
    expect((await mine.appointments("?when=past")).json.appointments).toEqual([]);
  });

  it("gives the same answer for an unknown address, and makes its record only once signed in", async () => {
    const b = await business();
    const known = await b.book("10:00", "known@example.test");
    expect(known.status).toBe(201);
    const [a, c] = [await b.askCode("known@example.test"), await b.askCode("nobody@example.test")];
    expect([a.status, a.json]).toEqual([c.status, c.json]);
    const count = async () =>
      (await handle.db.select().from(customers).where(eq(customers.tenantId, b.biz.tenant.id)))
        .length;
    expect(await count()).toBe(1);
    const token = (
      await b.tryCode("nobody@example.test", await b.codeSentTo("nobody@example.test"))
    ).json.token;
    expect(await count()).toBe(2);
    const profile = (await b.account(token).me()).json.customer;
    expect(profile).toMatchObject({ email: "nobody@example.test", name: "nobody" });
    expect((await b.account(token).appointments()).json.appointments).toEqual([]);
  });

  it("refuses a wrong code, a fifth wrong try ends it, a new code replaces the old, and codes expire", async () => {
    const b = await business();
    const email = "tries@example.test";
    await b.askCode(email);
    const right = await b.codeSentTo(email);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 0; i < CODE_TRIES; i++) {
      expect((await b.tryCode(email, wrong)).json.code).toBe("CODE_INVALID");
    }
    expect((await b.tryCode(email, right)).status).toBe(422);

    // The latest code counts; the earlier one no longer does.
    await handle.db.delete(rateLimits);
    await b.askCode(email);
    const first = await b.codeSentTo(email);
    await b.askCode(email);
    const second = await b.codeSentTo(email);
    if (first !== second) expect((await b.tryCode(email, first)).status).toBe(422);
    expect((await b.tryCode(email, second)).status).toBe(200);

    // Ten minutes, then no more (the clock injected).
    const tenant = b.biz.tenant;
    const at = new Date("2030-01-01T10:00:00Z");
    await requestSignInCode(handle.db, tenant, email, at);
    const late = await b.codeSentTo(email);
    await expect(
      verifySignInCode(handle.db, tenant, email, late, new Date(at.getTime() + 10 * 60_000)),
    ).rejects.toMatchObject({ code: "CODE_INVALID" });
    await requestSignInCode(handle.db, tenant, email, at);
    const inTime = await b.codeSentTo(email);
    await expect(
      verifySignInCode(handle.db, tenant, email, inTime, new Date(at.getTime() + 9 * 60_000)),
    ).resolves.toMatchObject({ token: expect.stringMatching(/^rvc_/) });
  });

  it("counts code requests against the sign-in limits of the address and of the e-mail", async () => {
    const b = await business();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await b.askCode("flood@example.test")).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const refused = await b.askCode("other@example.test");
    // The client address is over its limit too: no address can be flooded from it.
    expect(refused.status).toBe(429);
    expect(refused.json.code).toBe("RATE_LIMIT_EXCEEDED");
  });

  it("keeps a customer to their own data: not another customer's, not another business's, no staff endpoint", async () => {
    const b = await business();
    const other = await business();
    await b.book("10:00", "ann@example.test");
    await b.book("11:00", "bob@example.test");
    await other.book("10:00", "ann@example.test");
    const ann = await b.signIn("ann@example.test");
    const annBookings = (await b.account(ann).appointments()).json.appointments;
    expect(annBookings).toHaveLength(1);
    expect(annBookings[0].clientInfo.email).toBe("ann@example.test");
    // At the other business she is no one: nothing of hers is there.
    expect((await other.account(ann).me()).status).toBe(404);
    expect((await other.account(ann).appointments()).status).toBe(404);
    // A staff key is no customer.
    expect((await b.account(b.biz.apiKey).me()).status).toBe(401);

    // Every staff route of the API refuses her token with 403.
    const { paths } = openApiDocument();
    const staffOnly = Object.entries(paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { security?: { apiKey?: unknown }[] }>)
        .filter(([, operation]) => operation.security?.some((s) => "apiKey" in s))
        .map(([method]) => ({ path, method: method.toUpperCase() })),
    );
    expect(staffOnly.length).toBeGreaterThan(30);
    const refusedWith: Record<string, number> = {};
    for (const { path, method } of staffOnly) {
      const file = `../../app${path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
      const load = routeFiles[file];
      if (!load) throw new Error(`no route file for ${path}`);
      const route = (await load()) as Record<string, Parameters<typeof call>[0]>;
      const handler = route[method];
      if (!handler) throw new Error(`${method} ${path} has no handler`);
      const id = "00000000-0000-4000-8000-000000000000";
      const answer = await call(handler, method, {
        tenant: b.biz.tenant.slug,
        path: path.replace(/\{\w+\}/g, id),
        params: { id },
        headers: { authorization: `Bearer ${ann}` },
        ...(method === "GET" || method === "DELETE" ? {} : { body: {} }),
      });
      refusedWith[`${method} ${path}`] = answer.status;
    }
    expect(Object.entries(refusedWith).filter(([, status]) => status !== 403)).toEqual([]);
  });

  it("moves the reminders of their upcoming bookings to the lead they prefer, and back", async () => {
    const b = await business();
    const booked = [
      (await b.book("10:00", "remind@example.test")).json.appointment,
      (await b.book("14:00", "remind@example.test")).json.appointment,
    ];
    const mine = b.account(await b.signIn("remind@example.test"));
    const queued = async () =>
      (
        await handle.db
          .select({
            appointmentId: outboundMessages.appointmentId,
            sendAfter: outboundMessages.sendAfter,
          })
          .from(outboundMessages)
          .where(
            and(
              eq(outboundMessages.tenantId, b.biz.tenant.id),
              eq(outboundMessages.kind, "reminder"),
              eq(outboundMessages.status, "queued"),
            ),
          )
      ).sort((x, y) => x.sendAfter.getTime() - y.sendAfter.getTime());
    const before = await queued();
    expect((await mine.update({ reminderMinutes: 120 })).json.customer.reminderMinutes).toBe(120);
    const after = await queued();
    expect(after.map((m) => [m.appointmentId, m.sendAfter.toISOString()])).toEqual(
      booked.map((a) => [a.id, new Date(Date.parse(a.dateTime) - 2 * 3_600_000).toISOString()]),
    );
    expect(after).not.toEqual(before);
    expect((await mine.update({ reminderMinutes: 30 })).status).toBe(422);
    // Back to each service's own: this one sends none.
    await mine.update({ reminderMinutes: null });
    expect(await queued()).toEqual(before);
  });

  it("shows the consents a booking form recorded, with their dates", async () => {
    const b = await business();
    await handle.db
      .update(tenants)
      .set({ privacyNoticeUrl: "https://example.test/privacy", asksMarketingConsent: true })
      .where(eq(tenants.id, b.biz.tenant.id));
    const booked = await b.publicApi.book({
      activityId: b.activity.id,
      dateTime: parisAt(dayFromToday(2), "10:00"),
      clientInfo: client({ email: "consents@example.test" }),
      consent: { privacyNotice: true, marketing: true },
    });
    expect(booked.status).toBe(201);
    const profile = (await b.account(await b.signIn("consents@example.test")).me()).json.customer;
    expect(profile.marketingConsent).toBe(true);
    const bookedAt = Date.parse(booked.json.appointment.createdAt);
    for (const at of [profile.privacyNoticeAcceptedAt, profile.marketingConsentAt]) {
      expect(Math.abs(Date.parse(at) - bookedAt)).toBeLessThan(5_000);
    }
  });

  it("pages upcoming and past bookings, and changes the profile, dating a consent", async () => {
    const b = await business();
    for (const hhmm of ["09:00", "11:00", "13:00"]) await b.book(hhmm, "pages@example.test");
    const token = await b.signIn("pages@example.test");
    const mine = b.account(token);
    const first = await mine.appointments("?limit=2");
    expect(first.json.appointments).toHaveLength(2);
    expect(first.json.pagination.hasMore).toBe(true);
    const second = await mine.appointments(`?limit=2&cursor=${first.json.pagination.nextCursor}`);
    const times = [...first.json.appointments, ...second.json.appointments].map(
      (a: { dateTime: string }) => a.dateTime,
    );
    expect(times).toEqual([...times].sort());
    expect(new Set(times).size).toBe(3);
    expect((await mine.appointments("?when=someday")).status).toBe(422);

    // Three days on, they are past, latest first.
    const tenant = b.biz.tenant;
    const customerId = (await mine.me()).json.customer.id;
    const later = new Date(Date.now() + 4 * 86_400_000);
    const past = await myAppointments(handle.db, tenant, customerId, "past", { limit: 10 }, later);
    expect(past.items.map((a) => a.startsAt.toISOString())).toEqual([...times].reverse());

    const changed = await mine.update({ name: "Paula", locale: "en", marketingConsent: true });
    expect(changed.status).toBe(200);
    expect(changed.json.customer).toMatchObject({
      name: "Paula",
      locale: "en",
      marketingConsent: true,
    });
    expect(Date.parse(changed.json.customer.marketingConsentAt)).toBeGreaterThan(
      Date.now() - 60_000,
    );
    const withdrawn = (await mine.update({ marketingConsent: false })).json.customer;
    expect(withdrawn).toMatchObject({ name: "Paula", marketingConsent: false });
    // Their messages now come in their language, the business's being French.
    const booked = (await b.book("15:00", "pages@example.test")).json.appointment;
    await deliverDue(handle.db, { now: new Date(), mailer: null, from: "R <r@test>" });
    const [sent] = await handle.db
      .select({ subject: outboundMessages.subject })
      .from(outboundMessages)
      .where(
        and(
          eq(outboundMessages.appointmentId, booked.id),
          eq(outboundMessages.recipient, "customer"),
          eq(outboundMessages.kind, "booked"),
        ),
      );
    expect(sent?.subject).toMatch(/^Booking (received|confirmed)/);
    // What they may not change is refused, not ignored.
    const refused = await mine.update({ email: "else@example.test", notes: "vip" });
    expect(refused.status).toBe(422);
    expect((await mine.update({ timeZone: "Mars/Olympus" })).status).toBe(422);
    expect((await mine.me()).json.customer.email).toBe("pages@example.test");
  });

  it("signs out everywhere, and an erased customer's tokens and codes go with them", async () => {
    const b = await business();
    const one = await b.signIn("leaving@example.test");
    await handle.db.delete(rateLimits);
    const two = await b.signIn("leaving@example.test");
    expect((await b.account(one).signOut()).status).toBe(204);
    expect((await b.account(one).me()).status).toBe(401);
    expect((await b.account(two).me()).status).toBe(401);

    await handle.db.delete(rateLimits);
    const three = await b.signIn("leaving@example.test");
    await b.askCode("leaving@example.test");
    const id = (await b.account(three).me()).json.customer.id;
    const erased = await call(customerById.DELETE, "DELETE", {
      tenant: b.biz.tenant.slug,
      params: { id },
      headers: { authorization: `Bearer ${b.biz.apiKey}` },
    });
    expect(erased.status).toBe(204);
    expect((await b.account(three).me()).status).toBe(401);
    expect(await b.codeSentTo("leaving@example.test")).toBe("");
    const codes = await handle.db
      .select()
      .from(customerSignInCodes)
      .where(eq(customerSignInCodes.tenantId, b.biz.tenant.id));
    expect(codes).toEqual([]);
  });
});
