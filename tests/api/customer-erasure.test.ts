import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as customerById from "@/app/api/customers/[id]/route";
import { queryRows } from "@/db/client";
import { appointments, auditLog, type Tenant, tenants } from "@/db/schema";
import { businessBookingSchema } from "@/lib/appointments/schema";
import { customerActor, systemActor } from "@/lib/audit/record-audit";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { changeAppointmentStatus } from "@/lib/booking/change-status";
import { deliverDue } from "@/lib/messages/deliver";
import { deliverWebhooks } from "@/lib/webhooks/deliver";
import { createWebhook } from "@/lib/webhooks/endpoints";
import { webhookEventTypes } from "@/lib/webhooks/event-types";
import { activityBody, client, dayFromToday, openBusiness, parisAt } from "../helpers/api";
import { call, useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";
import { startReceiver } from "../helpers/webhook-receiver";

const DAY = 86_400_000;
// What only this customer wrote or was called: none of it may be found anywhere once erased.
const PERSON = {
  name: "Zélie Quintessa",
  email: "zelie.quintessa@example.com",
  phone: "+33 6 91 82 73 64",
  address: "17 rue Introuvable, Lyon",
};
const NOTE = "Quintessa-private-note";

describe.each(engines)("erasing a customer on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());

  /** Every text, JSON and array column of every table, searched for `needle`. */
  async function findAnywhere(needle: string) {
    const columns = await queryRows<{ schema: string; table: string; column: string }>(
      handle.db,
      sql`select c.table_schema as schema, c.table_name as table, c.column_name as column
          from information_schema.columns c
          join information_schema.tables t
            on t.table_schema = c.table_schema and t.table_name = c.table_name
          where t.table_type = 'BASE TABLE'
            and c.table_schema not in ('pg_catalog', 'information_schema')
            and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
    );
    const found: string[] = [];
    for (const { schema, table, column } of columns) {
      const [row] = await queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from ${sql.identifier(schema)}.${sql.identifier(table)}
            where ${sql.identifier(column)}::text ilike ${`%${needle}%`}`,
      );
      if (row?.n) found.push(`${table}.${column}`);
    }
    return found;
  }

  it("leaves no personal string anywhere, and the bookings countable with their times", async () => {
    const { api, publicApi, biz } = await openBusiness(handle.db);
    const activity = (await api.createActivity(activityBody({ price: 50 }))).json.activity;
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.id, biz.tenant.id));
    const receiver = await startReceiver();
    const { secret } = await createWebhook(
      handle.db,
      biz.tenant.id,
      { url: receiver.url, events: [...webhookEventTypes], description: "", enabled: true },
      systemActor,
      { allowPrivate: true },
    );
    receiver.state.secrets = [secret];
    // Receivers may echo what they got: their answers are kept in the log.
    receiver.state.answer = { status: 200, body: `thanks ${PERSON.name}` };
    const info = {
      name: PERSON.name,
      email: PERSON.email,
      phone: PERSON.phone,
      address: PERSON.address,
    };
    const weekAgo = new Date(Date.now() - 7 * DAY);
    const past = [];
    for (const day of [-3, -2]) {
      past.push(
        await bookAppointment(
          handle.db,
          tenant as Tenant,
          businessBookingSchema.parse({
            activityId: activity.id,
            dateTime: parisAt(dayFromToday(day), "10:00"),
            clientInfo: client(info),
          }),
          weekAgo,
          customerActor,
          { manageLink: (t) => `http://localhost/manage/${t}` },
        ),
      );
    }
    // One booked through the API with an Idempotency-Key (its answer is kept for replays).
    const upcoming = await publicApi.book(
      {
        activityId: activity.id,
        dateTime: parisAt(dayFromToday(3), "10:00"),
        clientInfo: client(info),
      },
      { "idempotency-key": "erase-me-1" },
    );
    expect(upcoming.status).toBe(201);
    const customerId = upcoming.json.appointment.customerId;
    await changeAppointmentStatus(
      handle.db,
      tenant as Tenant,
      past[0]?.id ?? "",
      "confirmed",
      systemActor,
      new Date(),
    );
    await changeAppointmentStatus(
      handle.db,
      tenant as Tenant,
      past[0]?.id ?? "",
      "completed",
      systemActor,
      new Date(),
    );
    const people = (method: "DELETE" | "PATCH", body?: unknown) =>
      call(method === "DELETE" ? customerById.DELETE : customerById.PATCH, method, {
        tenant: biz.tenant.slug,
        headers: { authorization: `Bearer ${biz.apiKey}` },
        params: { id: customerId },
        body,
      });
    expect((await people("PATCH", { notes: NOTE, tags: ["quintessa-tag"] })).status).toBe(200);
    await deliverDue(handle.db, { now: new Date(), mailer: null, from: "R <r@test>" });
    await deliverWebhooks(handle.db, { now: new Date(), allowPrivate: true });
    expect(await findAnywhere("Quintessa")).not.toEqual([]);

    // Not while a booking is upcoming: the business could no longer reach them about it.
    const refused = await people("DELETE");
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe("CUSTOMER_HAS_UPCOMING");
    expect((await api.setStatus(upcoming.json.appointment.id, "cancelled")).status).toBe(200);
    await deliverDue(handle.db, { now: new Date(), mailer: null, from: "R <r@test>" });
    await deliverWebhooks(handle.db, { now: new Date(), allowPrivate: true });

    expect((await people("DELETE")).status).toBe(204);
    for (const needle of ["Quintessa", "zelie", PERSON.phone, "Introuvable", NOTE]) {
      expect(await findAnywhere(needle), needle).toEqual([]);
    }
    const kept = await handle.db
      .select()
      .from(appointments)
      .where(eq(appointments.tenantId, biz.tenant.id))
      .orderBy(appointments.startsAt);
    expect(kept.map((a) => a.status)).toEqual(["completed", "pending", "cancelled"]);
    expect(kept.map((a) => a.startsAt.toISOString())).toEqual([
      parisAt(dayFromToday(-3), "10:00"),
      parisAt(dayFromToday(-2), "10:00"),
      parisAt(dayFromToday(3), "10:00"),
    ]);
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, biz.tenant.id), eq(auditLog.action, "customer.erase")));
    expect(entry?.after).toEqual({ appointments: 3 });
    expect((await people("DELETE")).status).toBe(404);
    await receiver.close();
  });
});
