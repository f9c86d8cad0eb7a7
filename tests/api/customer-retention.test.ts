import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, customers, type Tenant, tenants } from "@/db/schema";
import { systemActor } from "@/lib/audit/record-audit";
import { eraseLapsedCustomers, setRetention } from "@/lib/customers/retention";
import { activityBody, client, dayFromToday, openBusiness, parisAt } from "../helpers/api";
import { useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

const MONTH = 31 * 86_400_000;

describe.each(engines)("customer retention on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());

  async function business(retentionMonths: number | null) {
    const { api, publicApi, biz } = await openBusiness(handle.db);
    const activity = (await api.createActivity(activityBody())).json.activity;
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.id, biz.tenant.id));
    await setRetention(handle.db, tenant as Tenant, retentionMonths, systemActor);
    const book = async (email: string, day: number, hhmm = "10:00") => {
      const booked = await publicApi.book({
        activityId: activity.id,
        dateTime: parisAt(dayFromToday(day), hhmm),
        clientInfo: client({ email, name: email.split("@")[0] }),
      });
      expect(booked.status).toBe(201);
      return booked.json.appointment.customerId as string;
    };
    return { biz, book };
  }

  const alive = async (tenantId: string) =>
    (await handle.db.select().from(customers).where(eq(customers.tenantId, tenantId)))
      .map((c) => c.email)
      .sort();

  it("erases, on the nightly pass, the customers without a booking in the business's months", async () => {
    const kept = await business(12);
    await kept.book("lapsing@example.com", 2);
    await kept.book("returning@example.com", 2, "12:00");
    await kept.book("returning@example.com", 40);
    const off = await business(null);
    await off.book("forever@example.com", 2);

    // Eleven months on, nobody has lapsed yet.
    await eraseLapsedCustomers(handle.db, new Date(Date.now() + 11 * MONTH));
    expect(await alive(kept.biz.tenant.id)).toEqual([
      "lapsing@example.com",
      "returning@example.com",
    ]);

    // Thirteen months on: the one whose last booking is older than a year goes; a business without
    // retention keeps everyone.
    await eraseLapsedCustomers(handle.db, new Date(Date.now() + 13 * MONTH));
    expect(await alive(kept.biz.tenant.id)).toEqual(["returning@example.com"]);
    expect(await alive(off.biz.tenant.id)).toEqual(["forever@example.com"]);
    const entries = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, kept.biz.tenant.id), eq(auditLog.action, "customer.erase")));
    expect(entries.map((e) => [e.actorLabel, e.after])).toEqual([
      ["retention", { appointments: 1 }],
    ]);
  });
});
