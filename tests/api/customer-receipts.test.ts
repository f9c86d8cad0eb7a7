import { and, desc, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as receiptRoute from "@/app/api/me/payments/[id]/receipt.pdf/route";
import * as paymentsRoute from "@/app/api/me/payments/route";
import * as webhookRoute from "@/app/api/payments/webhook/route";
import { outboundMessages, type Tenant, tenants } from "@/db/schema";
import { requestSignInCode, verifySignInCode } from "@/lib/accounts";
import { businessBookingSchema } from "@/lib/appointments/schema";
import { customerActor, systemActor } from "@/lib/audit/record-audit";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { env } from "@/lib/env";
import { refundByOwner } from "@/lib/payments/refunds";
import { updatePaymentSettings } from "@/lib/payments/settings";
import { settlePayments } from "@/lib/payments/settle";
import { TENANT_HEADER } from "@/lib/tenants/resolve-tenant-slug";
import { activityBody, client, dayFromToday, openBusiness, parisAt } from "../helpers/api";
import { call, useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";
import { useFakeStripe } from "../helpers/use-fake-stripe";

const WEBHOOK_SECRET = "whsec_rendezvous_receipts";

/** The text of a PDF, as a reader extracts it. */
async function pdfText(body: ArrayBuffer) {
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, " ");
  } finally {
    await parser.destroy();
  }
}

describe.each(engines)("customer receipts on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());
  const fakeStripe = useFakeStripe(WEBHOOK_SECRET);

  /** A business with a 40 € massage paid online, its address and (or not) a VAT rate. */
  async function business(vatRate: number | null) {
    const { api, biz } = await openBusiness(handle.db);
    const activity = (
      await api.createActivity(activityBody({ price: 40, payment: { rule: "full" } }))
    ).json.activity;
    await handle.db
      .update(tenants)
      .set({ address: "12 rue des Lilas, 75011 Paris" })
      .where(eq(tenants.id, biz.tenant.id));
    const [before] = await handle.db.select().from(tenants).where(eq(tenants.id, biz.tenant.id));
    const tenant = await updatePaymentSettings(
      handle.db,
      before as Tenant,
      { stripeAccountId: null, paymentHoldMinutes: 30, keepDeposits: false, vatRate },
      systemActor,
    );
    return { biz, tenant, activity };
  }

  /** A paid booking of `email`, through the fake Checkout and Stripe's signed event. */
  async function paidBooking(b: Awaited<ReturnType<typeof business>>, email: string, hhmm: string) {
    const booked = await bookAppointment(
      handle.db,
      b.tenant,
      businessBookingSchema.parse({
        activityId: b.activity.id,
        dateTime: parisAt(dayFromToday(3), hhmm),
        clientInfo: client({ name: "Inès Martin", email }),
      }),
      new Date(),
      customerActor,
      { manageLink: (t) => `http://localhost:3000/manage/${t}`, stripe: env().stripe },
    );
    const session = [...fakeStripe().sessions.values()].find((s) =>
      booked.payment?.checkoutUrl?.endsWith(s.id),
    );
    if (!session) throw new Error("no Checkout Session");
    const delivery = fakeStripe().event("checkout.session.completed", fakeStripe().pay(session.id));
    const answer = await call(webhookRoute.POST, "POST", {
      tenant: "",
      path: "/api/payments/webhook",
      headers: { "stripe-signature": delivery.signature },
      body: delivery.body,
    });
    expect(answer.status).toBe(200);
    await settlePayments(handle.db, { now: new Date(), stripe: env().stripe });
    return booked;
  }

  async function tokenOf(tenant: Tenant, email: string) {
    await requestSignInCode(handle.db, tenant, email, new Date());
    const [message] = await handle.db
      .select({ payload: outboundMessages.payload })
      .from(outboundMessages)
      .where(
        and(
          eq(outboundMessages.tenantId, tenant.id),
          eq(outboundMessages.kind, "sign_in_code"),
          sql`${outboundMessages.payload} ->> 'to' = ${email}`,
        ),
      )
      .orderBy(desc(outboundMessages.createdAt))
      .limit(1);
    return (
      await verifySignInCode(handle.db, tenant, email, message?.payload.code ?? "", new Date())
    ).token;
  }

  const as = (b: { biz: { tenant: { slug: string } } }, token: string) => ({
    list: () =>
      call(paymentsRoute.GET, "GET", {
        tenant: b.biz.tenant.slug,
        headers: { authorization: `Bearer ${token}` },
      }),
    receipt: async (id: string) => {
      const response = await receiptRoute.GET(
        new NextRequest(`http://localhost:3000/api/me/payments/${id}/receipt.pdf`, {
          headers: { authorization: `Bearer ${token}`, [TENANT_HEADER]: b.biz.tenant.slug },
        }),
        { params: Promise.resolve({ id }) },
      );
      return response;
    },
  });

  it("gives a paid booking's receipt as a PDF: business, date, service, amount, VAT, method, refund", async () => {
    const b = await business(20);
    const booked = await paidBooking(b, "ines@example.test", "10:00");
    const me = as(b, await tokenOf(b.tenant, "ines@example.test"));
    const listed = await me.list();
    expect(listed.status).toBe(200);
    expect(listed.json.payments).toEqual([
      expect.objectContaining({
        appointmentId: booked.id,
        amount: 40,
        currency: "EUR",
        status: "paid",
        hasReceipt: true,
      }),
    ]);
    const { id } = listed.json.payments[0];
    const response = await me.receipt(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(await response.arrayBuffer());
    for (const expected of [
      b.biz.tenant.name,
      "12 rue des Lilas, 75011 Paris",
      "Reçu",
      id.slice(0, 8).toUpperCase(),
      "Inès Martin",
      "Massage",
      "Montant payé 40,00 €",
      // 40 € including 20 %: 6,67 € of VAT.
      "Dont TVA à 20 % 6,67 €",
      "Carte bancaire, en ligne (Stripe)",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Remboursé");

    // Refunded by the owner: the receipt says so.
    await refundByOwner(handle.db, b.tenant, booked.id, systemActor, env().stripe, new Date());
    await settlePayments(handle.db, { now: new Date(), stripe: env().stripe });
    const refunded = await pdfText(await (await me.receipt(id)).arrayBuffer());
    expect(refunded).toContain("Remboursé 40,00 €");
    expect(refunded).toContain("Conservé 0,00 €");
  });

  it("leaves the VAT line out without a rate, and gives no one else's receipt", async () => {
    const b = await business(null);
    await paidBooking(b, "ann@example.test", "10:00");
    await paidBooking(b, "bob@example.test", "12:00");
    const ann = as(b, await tokenOf(b.tenant, "ann@example.test"));
    const bob = as(b, await tokenOf(b.tenant, "bob@example.test"));
    const annPayment = (await ann.list()).json.payments[0].id;
    const text = await pdfText(await (await ann.receipt(annPayment)).arrayBuffer());
    expect(text).toContain("Montant payé 40,00 €");
    expect(text).not.toContain("TVA");
    expect((await bob.receipt(annPayment)).status).toBe(404);
    expect((await bob.list()).json.payments).toHaveLength(1);
    const other = await business(null);
    expect(
      (await as(other, await tokenOf(b.tenant, "ann@example.test")).receipt(annPayment)).status,
    ).toBe(404);
  });
});
