import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as register from "@/app/api/public/register/route";
import * as slugs from "@/app/api/public/slugs/route";
import { outboundMessages, tenants, userTokens } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { systemActor } from "@/lib/audit/record-audit";
import { rereadEnv } from "@/lib/env";
import { deliverDue } from "@/lib/messages/deliver";
import { confirmBusinessEmail, resendConfirmation } from "@/lib/signup/confirm-email";
import { firstRunSteps } from "@/lib/signup/first-run";
import { passwordStrength } from "@/lib/signup/password-strength";
import { registerBusiness } from "@/lib/signup/register";
import { getTenantBySlug } from "@/lib/tenants/find-tenant";
import { CONFIRM_LINK_DAYS } from "@/lib/users/link-lifetimes";
import {
  activityBody,
  apiClient,
  client,
  dayFromToday,
  openEveryDay,
  parisAt,
} from "../helpers/api";
import { call, useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

const DAY = 86_400_000;
const STRONG = "quartz violet kayak 1987";

let serial = 0;
const signUpBody = (overrides: Record<string, unknown> = {}) => {
  serial += 1;
  return {
    businessName: `Atelier Éloïse ${serial}`,
    ownerName: "Éloïse Martin",
    email: `eloise${serial}@example.com`,
    password: STRONG,
    timeZone: "Europe/Paris",
    locale: "fr",
    ...overrides,
  };
};

const tokenOf = (link: string | null | undefined) =>
  /confirm-email\/([\w-]+)/.exec(link ?? "")?.[1] ?? "";

describe.each(engines)("sign-up on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    address += 1;
    useAppDatabase(handle);
    // Each test signs up from an address of its own, told by the (trusted) proxy.
    process.env.TRUST_PROXY = "1";
    rereadEnv();
  });
  afterAll(async () => {
    delete process.env.TRUST_PROXY;
    rereadEnv();
    await handle.close();
  });
  afterEach(() => {
    delete process.env.REGISTRATION;
    rereadEnv();
  });

  let address = 0;
  const signUp = (body: unknown, headers: Record<string, string> = {}) =>
    call(register.POST, "POST", {
      tenant: "",
      path: "/api/public/register",
      body,
      headers: { "x-forwarded-for": `203.0.113.${address}`, ...headers },
    });

  it("makes an unconfirmed business whose customers can book only once the owner confirms the mailed link", async () => {
    const body = signUpBody({ slug: undefined });
    const answer = await signUp(body);
    expect(answer.status).toBe(201);
    const slug = answer.json.business.slug;
    expect(slug).toMatch(/^atelier-eloise-\d+$/);
    expect(answer.json.business.confirmed).toBe(false);
    expect(answer.json.owner).toMatchObject({
      email: body.email,
      role: "owner",
      name: "Éloïse Martin",
    });
    expect(answer.json.links.bookingPage).toBe(`http://localhost:3000/?tenant=${slug}`);
    expect(JSON.stringify(answer.json)).not.toContain("passwordHash");

    // The link waits in the outbox (no SMTP server here), and stays readable there for the owner.
    const tenant = await getTenantBySlug(handle.db, slug);
    await deliverDue(handle.db, { now: new Date(), mailer: null, from: "Rendezvous <r@test>" });
    const [mail] = await handle.db
      .select()
      .from(outboundMessages)
      .where(eq(outboundMessages.tenantId, tenant.id));
    expect(mail).toMatchObject({
      kind: "email_confirmation",
      status: "stored",
      toAddress: body.email,
    });
    expect(mail?.subject).toContain("Confirmez votre adresse e-mail");
    const token = tokenOf(mail?.textBody);
    expect(token).toHaveLength(43);

    // Ready in every other way, it still refuses customers.
    const { secret } = await createApiKey(handle.db, tenant.id, {}, systemActor);
    const admin = apiClient(slug, { authorization: `Bearer ${secret}` });
    const activity = (await admin.createActivity(activityBody())).json.activity;
    expect((await admin.putAvailability(openEveryDay)).status).toBe(200);
    const booking = {
      activityId: activity.id,
      dateTime: parisAt(dayFromToday(3), "10:00"),
      clientInfo: client(),
    };
    const refused = await apiClient(slug).book(booking);
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe("BUSINESS_NOT_CONFIRMED");
    expect(await firstRunSteps(handle.db, tenant)).toMatchObject({
      confirmed: false,
      service: true,
      hours: true,
      team: false,
      live: false,
    });

    expect(await confirmBusinessEmail(handle.db, tenant, token, new Date())).toBe("confirmed");
    const confirmed = await getTenantBySlug(handle.db, slug);
    expect(confirmed.confirmedAt).not.toBeNull();
    expect((await apiClient(slug).book(booking)).status).toBe(201);
    expect((await firstRunSteps(handle.db, confirmed))?.live).toBe(true);
    // A second click (or a mail scanner's first) still lands on good news.
    expect(await confirmBusinessEmail(handle.db, confirmed, token, new Date())).toBe("already");
  });

  it("confirms customers' bookings as the owner chose on sign-up, by the business when not said", async () => {
    for (const [chosen, expected] of [
      ["automatic", "automatic"],
      [undefined, "manual"],
    ] as const) {
      const answer = await signUp(signUpBody({ slug: undefined, confirmOnlineBookings: chosen }));
      expect(answer.status).toBe(201);
      const tenant = await getTenantBySlug(handle.db, answer.json.business.slug);
      expect(tenant.confirmOnlineBookings).toBe(expected);
    }
    expect((await signUp(signUpBody({ confirmOnlineBookings: "always" }))).status).toBe(422);
  });

  it("refuses an expired link, and an earlier one once a new one was sent", async () => {
    const answer = await signUp(signUpBody());
    const tenant = await getTenantBySlug(handle.db, answer.json.business.slug);
    const links = async () =>
      (
        await handle.db
          .select()
          .from(outboundMessages)
          .where(eq(outboundMessages.tenantId, tenant.id))
      ).map((m) => tokenOf(m.payload.link));
    const [first] = await links();
    const late = new Date(Date.now() + (CONFIRM_LINK_DAYS * DAY + 60_000));
    await expect(confirmBusinessEmail(handle.db, tenant, first ?? "", late)).rejects.toMatchObject({
      code: "LINK_INVALID",
    });
    await resendConfirmation(handle.db, tenant, new Date(), (t) => `http://x/confirm-email/${t}`);
    const [, second] = await links();
    await expect(
      confirmBusinessEmail(handle.db, tenant, first ?? "", new Date()),
    ).rejects.toMatchObject({ code: "LINK_INVALID" });
    expect(await confirmBusinessEmail(handle.db, tenant, second ?? "", new Date())).toBe(
      "confirmed",
    );
    // Only hashes are stored.
    const stored = await handle.db
      .select({ hash: userTokens.tokenHash })
      .from(userTokens)
      .where(and(eq(userTokens.tenantId, tenant.id), eq(userTokens.purpose, "email_confirmation")));
    expect(stored.map((s) => s.hash)).not.toContain(second);
  });

  it("refuses weak passwords, a filled honeypot, a taken or reserved address, and everything while closed", async () => {
    const before = await handle.db.select({ id: tenants.id }).from(tenants);
    const weak = await signUp(signUpBody({ password: "eloise1234" }));
    expect(weak.status).toBe(422);
    expect(weak.json).toMatchObject({
      code: "VALIDATION_ERROR",
      details: { password: expect.any(String) },
    });
    // Guessable from the form itself: the business's own name.
    const own = await signUp(signUpBody({ businessName: "Kayak Quartz", password: "kayakquartz" }));
    expect(own.json.details?.password).toBeDefined();
    const robot = await signUp(signUpBody({ website: "http://spam.example" }));
    expect(robot.status).toBe(422);
    expect(robot.json.details).toHaveProperty("website");

    const taken = await signUp(signUpBody());
    const again = await signUp(signUpBody({ slug: taken.json.business.slug }));
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: "CONFLICT", details: { slug: expect.any(String) } });
    expect((await signUp(signUpBody({ slug: "admin" }))).status).toBe(422);

    process.env.REGISTRATION = "closed";
    rereadEnv();
    const closed = await signUp(signUpBody());
    expect(closed.status).toBe(403);
    expect(closed.json.code).toBe("REGISTRATION_CLOSED");
    expect(await handle.db.select({ id: tenants.id }).from(tenants)).toHaveLength(
      before.length + 1,
    );
  });

  it("limits sign-ups per client address per hour (10 by default), counting only valid ones", async () => {
    const from = { "x-forwarded-for": "198.51.100.77" };
    expect((await signUp(signUpBody({ password: "short" }), from)).status).toBe(422);
    for (let i = 0; i < 10; i++) expect((await signUp(signUpBody(), from)).status).toBe(201);
    const eleventh = await signUp(signUpBody(), from);
    expect(eleventh.status).toBe(429);
    expect(eleventh.json.code).toBe("RATE_LIMIT_EXCEEDED");
    // Another address is not held back.
    expect((await signUp(signUpBody(), { "x-forwarded-for": "198.51.100.78" })).status).toBe(201);
  });

  it("proposes a free address for a name and checks a typed one", async () => {
    const ask = (query: string) =>
      call(slugs.GET, "GET", { tenant: "", path: `/api/public/slugs?${query}` });
    const first = await signUp(signUpBody({ businessName: "Chez Zoé", slug: undefined }));
    expect(first.json.business.slug).toBe("chez-zoe");
    expect((await ask("name=Chez%20Zo%C3%A9")).json).toEqual({
      slug: "chez-zoe-2",
      available: true,
    });
    expect((await ask("slug=chez-zoe")).json).toMatchObject({ available: false, problem: "taken" });
    expect((await ask("slug=Bad%20Slug!")).json).toMatchObject({
      available: false,
      problem: "invalid",
    });
    expect((await ask("name=Admin")).json).toEqual({ slug: "admin-2", available: true });
    expect((await ask("")).status).toBe(422);
    // The registration itself takes the proposal when no address is sent.
    const second = await registerBusiness(
      handle.db,
      signUpBody({ businessName: "Chez Zoé" }) as Parameters<typeof registerBusiness>[1],
      new Date(),
      { confirmLinkFor: () => (t) => t },
    );
    expect(second.tenant.slug).toBe("chez-zoe-2");
    expect(second.tenant.confirmedAt).toBeNull();
  });
});

describe("password strength", () => {
  it("advises in the visitor's language from one set of dictionaries", async () => {
    const [fr, en] = await Promise.all([
      passwordStrength("motdepasse", [], "fr"),
      passwordStrength("motdepasse", [], "en"),
    ]);
    expect(fr.strong).toBe(false);
    expect(en.score).toBe(fr.score);
    expect(fr.warning).toMatch(/mot de passe|courant|fréquent/i);
    expect(en.warning).toMatch(/common|password/i);
    expect(fr.suggestions.length).toBeGreaterThan(0);
    expect(fr.suggestions.join(" ")).not.toMatch(/^(suggestions|warnings)\./);
    // A strong one passes, and the owner's own name counts as guessable.
    expect((await passwordStrength("violet-Tambour-82-anchois", [], "en")).strong).toBe(true);
    expect((await passwordStrength("Eloise Martin 2026", ["Eloise Martin"], "en")).strong).toBe(
      false,
    );
  });
});
