import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as customerById from "@/app/api/customers/[id]/route";
import { appointments, type Tenant, tenants } from "@/db/schema";
import { businessBookingSchema } from "@/lib/appointments/schema";
import { systemActor } from "@/lib/audit/record-audit";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { setConsentTerms } from "@/lib/tenants/consent-terms";
import { activityBody, client, dayFromToday, openBusiness, parisAt } from "../helpers/api";
import { call, useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

describe.each(engines)("consent on the booking form on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());

  async function business(terms: {
    privacyNoticeUrl: string | null;
    asksMarketingConsent: boolean;
  }) {
    const opened = await openBusiness(handle.db);
    const [tenant] = await handle.db
      .select()
      .from(tenants)
      .where(eq(tenants.id, opened.biz.tenant.id));
    await setConsentTerms(handle.db, tenant as Tenant, terms, systemActor);
    const activity = (await opened.api.createActivity(activityBody())).json.activity;
    return { ...opened, activity };
  }
  const consentOf = async (tenantId: string, id: string) => {
    const [row] = await handle.db
      .select({ privacy: appointments.privacyAcceptedAt, news: appointments.marketingOptInAt })
      .from(appointments)
      .where(and(eq(appointments.tenantId, tenantId), eq(appointments.id, id)));
    return row;
  };

  it("requires the privacy notice when the business has one, and keeps each consent with its time", async () => {
    const { biz, api, publicApi, activity } = await business({
      privacyNoticeUrl: "https://example.com/privacy",
      asksMarketingConsent: true,
    });
    const at = (hhmm: string) => parisAt(dayFromToday(2), hhmm);
    const body = (hhmm: string, consent?: unknown) => ({
      activityId: activity.id,
      dateTime: at(hhmm),
      clientInfo: client({ email: "lea@example.com" }),
      ...(consent === undefined ? {} : { consent }),
    });
    const refused = await publicApi.book(body("10:00"));
    expect(refused.status).toBe(422);
    expect(refused.json.details).toHaveProperty(["consent.privacyNotice"]);
    expect((await publicApi.book(body("10:00", { privacyNotice: false }))).status).toBe(422);

    const before = Date.now();
    const booked = await publicApi.book(body("10:00", { privacyNotice: true, marketing: true }));
    expect(booked.status).toBe(201);
    const kept = await consentOf(biz.tenant.id, booked.json.appointment.id);
    expect(kept?.privacy?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(kept?.news?.getTime()).toBe(kept?.privacy?.getTime());

    // No opt-in: none recorded.
    const plain = await publicApi.book(body("11:00", { privacyNotice: true }));
    expect((await consentOf(biz.tenant.id, plain.json.appointment.id))?.news).toBeNull();
    // The business's own booking (a call, in the dashboard) asks the customer nothing.
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.id, biz.tenant.id));
    const own = await bookAppointment(
      handle.db,
      tenant as Tenant,
      businessBookingSchema.parse(body("12:00")),
      new Date(),
      { type: "user", id: null, label: "owner" },
    );
    expect(await consentOf(biz.tenant.id, own.id)).toEqual({ privacy: null, news: null });
    // The API books as the customer would: the same consent is asked.
    expect((await api.book(body("13:00"))).status).toBe(422);

    // The customer's file says when they agreed to news.
    const customer = await call(customerById.GET, "GET", {
      tenant: biz.tenant.slug,
      params: { id: booked.json.appointment.customerId ?? "" },
      headers: { authorization: `Bearer ${biz.apiKey}` },
    });
    expect(customer.json.customer.marketingOptInAt).toBe(kept?.news?.toISOString());
  });

  it("records no opt-in a business does not offer, and no notice it does not have", async () => {
    const { biz, publicApi, activity } = await business({
      privacyNoticeUrl: null,
      asksMarketingConsent: false,
    });
    const booked = await publicApi.book({
      activityId: activity.id,
      dateTime: parisAt(dayFromToday(2), "10:00"),
      clientInfo: client(),
      consent: { privacyNotice: true, marketing: true },
    });
    expect(booked.status).toBe(201);
    expect(await consentOf(biz.tenant.id, booked.json.appointment.id)).toEqual({
      privacy: null,
      news: null,
    });
  });
});
