import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/db/schema";
import { createActivity, listActivities } from "@/lib/activities/activities";
import { activityValues, activityBody as formBody } from "@/lib/activities/activity-form";
import { activityInputSchema } from "@/lib/activities/schema";
import { profileForm, profileValues } from "@/lib/admin/profile-form";
import { appointmentsCsv } from "@/lib/appointments/formats/appointments-csv";
import { overview, overviewPeriods } from "@/lib/appointments/overview";
import { bookingSchema, businessBookingSchema } from "@/lib/appointments/schema";
import {
  appointmentSearchSchema,
  PAGE_SIZE,
  searchAppointments,
} from "@/lib/appointments/search-appointments";
import { listAudit } from "@/lib/audit/audit-trail";
import { systemActor } from "@/lib/audit/record-audit";
import { replaceAvailability } from "@/lib/availability/availability";
import { availabilityInputSchema } from "@/lib/availability/schema";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { changeAppointmentStatus } from "@/lib/booking/change-status";
import { appointmentDetails } from "@/lib/calendar/appointment-details";
import { zodProblems } from "@/lib/errors/field-problems";
import { toAppError } from "@/lib/errors/to-app-error";
import { readForm } from "@/lib/http/form-input";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { zonedInstant } from "@/lib/scheduling/calendar-day";
import { businessSettingsSchema, updateBusinessSettings } from "@/lib/tenants/business-settings";
import { activityBody, client, dayFromToday, openEveryDay } from "../helpers/api";
import { insertAppointment, seedTenant } from "../helpers/fixtures";
import { formData } from "../helpers/form-data";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

const TZ = "Europe/Paris";
const owner = { type: "user" as const, id: null, label: "owner@test" };

describe.each(engines)("the dashboard's data on %s", (engine) => {
  let handle: TestDatabase;
  let tenant: Tenant;
  let activityId: string;
  const at = (day: number, hour: number) => zonedInstant(dayFromToday(day, TZ), hour * 60, TZ);
  const walkIn = (start: number, name = "Walk In", anyTime = false) =>
    bookAppointment(
      handle.db,
      tenant,
      bookingSchema.parse({
        activityId,
        dateTime: new Date(start).toISOString(),
        clientInfo: client({ name, email: `${name.split(" ")[0]?.toLowerCase()}@example.test` }),
      }),
      new Date(),
      owner,
      { status: "confirmed", outsideHours: anyTime ? "allow" : "refuse" },
    );

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ tenant } = await seedTenant(handle.db));
    const activity = await createActivity(
      handle.db,
      tenant,
      activityInputSchema.parse(activityBody({ name: "Massage", price: 50 })),
      systemActor,
    );
    activityId = activity.id;
    await replaceAvailability(
      handle.db,
      tenant,
      availabilityInputSchema.parse(openEveryDay),
      systemActor,
    );
  });
  afterAll(() => handle.close());

  it("books a walk-in confirmed; outside the hours only when told to, and never over another", async () => {
    const inHours = await walkIn(at(2, 10), "Anna Alpha");
    expect(inHours.status).toBe("confirmed");
    const late = at(2, 22);
    await expect(walkIn(late, "Bob Beta")).rejects.toMatchObject({ code: "SLOT_UNAVAILABLE" });
    expect((await walkIn(late, "Bob Beta", true)).status).toBe("confirmed");
    const clash = await walkIn(at(2, 10), "Carl Gamma", true).catch(toAppError);
    expect(clash).toMatchObject({ code: "SLOT_UNAVAILABLE" });
  });

  it("searches by name or email, filters by status and day, sorts and pages", async () => {
    const base = appointmentSearchSchema.parse({});
    const all = await searchAppointments(handle.db, tenant, base);
    expect(all.total).toBe(2);
    // Newest first by default.
    expect(all.rows.map((r) => r.clientName)).toEqual(["Bob Beta", "Anna Alpha"]);
    expect(all.rows[0]?.priceMinor).toBe(5000);

    const byEmail = await searchAppointments(handle.db, tenant, { ...base, q: "ANNA@" });
    expect(byEmail.rows.map((r) => r.clientName)).toEqual(["Anna Alpha"]);
    // Wildcards typed in the box are searched for literally.
    expect((await searchAppointments(handle.db, tenant, { ...base, q: "%" })).total).toBe(0);

    const sorted = await searchAppointments(handle.db, tenant, {
      ...base,
      sort: "clientName",
      dir: "asc",
    });
    expect(sorted.rows.map((r) => r.clientName)).toEqual(["Anna Alpha", "Bob Beta"]);

    const day = dayFromToday(2, TZ);
    const onDay = await searchAppointments(handle.db, tenant, { ...base, from: day, to: day });
    expect(onDay.total).toBe(2);
    const dayAfter = dayFromToday(3, TZ);
    expect((await searchAppointments(handle.db, tenant, { ...base, from: dayAfter })).total).toBe(
      0,
    );

    const bob = all.rows[0];
    if (!bob) throw new Error("no row");
    await changeAppointmentStatus(handle.db, tenant, bob.id, "cancelled", owner, new Date());
    const cancelled = await searchAppointments(handle.db, tenant, {
      ...base,
      status: ["cancelled"],
    });
    expect(cancelled.rows.map((r) => r.clientName)).toEqual(["Bob Beta"]);

    for (let i = 0; i < PAGE_SIZE + 1; i++) {
      await insertAppointment(handle.db, {
        tenantId: tenant.id,
        activityId,
        // All at one time: pages must still split them the same way every time.
        startsAt: new Date(at(-30, 10)),
        status: "completed",
      });
    }
    const page2 = await searchAppointments(handle.db, tenant, { ...base, page: 2 });
    expect(page2.total).toBe(PAGE_SIZE + 3);
    expect(page2.rows).toHaveLength(3);
    const page1 = await searchAppointments(handle.db, tenant, base);
    const ids = new Set([...page1.rows, ...page2.rows].map((r) => r.id));
    expect(ids.size).toBe(PAGE_SIZE + 3);
    const tied = [...page1.rows, ...page2.rows]
      .filter((r) => r.status === "completed")
      .map((r) => r.id);
    expect(tied).toEqual([...tied].sort());
  });

  it("reads a garbled query string as the defaults instead of failing", () => {
    const search = appointmentSearchSchema.parse({
      status: "confirmed,bogus",
      from: "2026-02-30",
      sort: "password",
      dir: "sideways",
      page: "-3",
      q: "  ",
    });
    expect(search).toEqual({
      status: ["confirmed"],
      from: undefined,
      to: undefined,
      q: undefined,
      sort: "startsAt",
      dir: "desc",
      page: 1,
    });
  });

  it("reads far dates and control characters in the query string as absent, and still searches", async () => {
    for (const query of [
      { from: "0000-01-01", to: "9999-12-31", q: "\u0000" },
      { from: "1999-12-31", q: "x\ud800" },
    ]) {
      const search = appointmentSearchSchema.parse(query);
      expect([search.from, search.to, search.q]).toEqual([undefined, undefined, undefined]);
      const { total } = await searchAppointments(handle.db, tenant, search);
      expect(total).toBeGreaterThan(0);
    }
  });

  it("exports CSV in the business's zone and language, quoted, with formulas defused", async () => {
    const { rows } = await searchAppointments(
      handle.db,
      tenant,
      appointmentSearchSchema.parse({ status: "confirmed" }),
      null,
    );
    const labels = (locale: "fr" | "en") => {
      const messages = locale === "fr" ? fr : en;
      return { columns: messages.admin.csv, statuses: messages.admin.statuses };
    };
    const tricky = [
      ...rows,
      ...rows.map((r) => ({ ...r, clientName: '=HYPERLINK("x"); "Ann"', clientPhone: "+SUM(A1)" })),
      ...rows.map((r) => ({ ...r, clientName: "-1", clientPhone: "+33 1 23 45 67 89" })),
    ];
    // French: ";" separators, a byte order mark, decimal commas, French words.
    const csv = appointmentsCsv(tenant, tricky, labels("fr"));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "id;début;fin;fuseau horaire;prestation;intervenant;statut;client;e-mail;téléphone;adresse;information complémentaire;prix;devise;réservé le",
    );
    expect(lines[1]).toMatch(
      /^[0-9a-f-]{36};\d{4}-\d\d-\d\dT10:00:00\+0[12]:00;.*;Europe\/Paris;Massage;owner;Confirmé;Anna Alpha;anna@example\.test;/,
    );
    expect(lines[1]).toContain(";50;EUR;");
    expect(lines[2]).toContain(`;"'=HYPERLINK(""x""); ""Ann""";`);
    expect(lines[2]).toContain(";'+SUM(A1);");
    // A phone number is data, not a formula.
    expect(lines[3]).toContain(";'-1;anna@example.test;+33 1 23 45 67 89;");

    const english = appointmentsCsv({ ...tenant, locale: "en" }, rows, labels("en"));
    expect(english.startsWith("id,start,end,time zone,service,staff member,status,")).toBe(true);
    expect(english).toContain(",Confirmed,");
  });

  it("counts the week, what to confirm, the month's losses and revenue", async () => {
    const now = new Date();
    const before = await overview(handle.db, tenant, now);
    await bookAppointment(
      handle.db,
      tenant,
      bookingSchema.parse({
        activityId,
        dateTime: new Date(at(1, 11)).toISOString(),
        clientInfo: client(),
      }),
      now,
    );
    const after = await overview(handle.db, tenant, now);
    expect(after.pendingToConfirm).toBe(before.pendingToConfirm + 1);
    // A pending booking is no revenue yet.
    expect(after.revenueThisMonth).toBe(before.revenueThisMonth);

    // Exactly one confirmed booking today, one cancelled and one no-show this month. The clock is
    // mid-month: on the 1st, the month's first hour is also today.
    const midMonth = new Date("2026-06-17T10:00:00Z");
    const { month, day } = overviewPeriods(midMonth, TZ);
    const fixtures = await seedTenant(handle.db);
    const other = fixtures.tenant;
    const activity = await createActivity(
      handle.db,
      other,
      activityInputSchema.parse(activityBody({ price: 20 })),
      systemActor,
    );
    const insert = (startsAt: Date, status: "confirmed" | "cancelled" | "no_show" | "completed") =>
      insertAppointment(handle.db, {
        tenantId: other.id,
        activityId: activity.id,
        startsAt,
        status,
      });
    await insert(new Date(day[0].getTime() + 60_000), "confirmed");
    await insert(new Date(month[0].getTime() + 60_000), "cancelled");
    await insert(new Date(month[0].getTime() + 3_600_000), "no_show");
    await insert(new Date(month[0].getTime() - 86_400_000), "completed");
    await insert(new Date(month[0].getTime() + 7_200_000), "completed");
    const figures = await overview(handle.db, other, midMonth);
    // Revenue is money earned: the month's completed booking, not today's confirmed one (nor last
    // month's completed one): the rule the statistics and the customers' files use.
    expect(figures).toMatchObject({
      today: 1,
      cancelledThisMonth: 1,
      noShowsThisMonth: 1,
      revenueThisMonth: 2000,
    });
  });

  it("shows an appointment's details and status history", async () => {
    const { rows } = await searchAppointments(
      handle.db,
      tenant,
      appointmentSearchSchema.parse({ q: "Bob" }),
    );
    const details = await appointmentDetails(handle.db, tenant, rows[0]?.id ?? "", new Date());
    expect(details.status).toBe("cancelled");
    expect(details.nextStatuses).toEqual([]);
    expect(details.canMove).toBe(false);
    expect(details.price).toMatch(/^50,00\s€$/);
    expect(details.history.map((h) => [h.action, h.status, h.by])).toEqual([
      ["appointment.create", "confirmed", "owner@test"],
      ["appointment.status", "cancelled", "owner@test"],
    ]);
  });

  it("saves the business settings with an audit entry, and refuses a bad zone", async () => {
    const input = businessSettingsSchema.parse({
      name: "Renamed",
      timeZone: "America/New_York",
      locale: "en",
      currency: "usd",
      address: "1 Main St",
      slotIntervalMinutes: 30,
      cancellationNoticeHours: 48,
      rescheduleNoticeHours: 4,
    });
    const updated = await updateBusinessSettings(handle.db, tenant, input, owner);
    expect(updated).toMatchObject({ name: "Renamed", currency: "USD", slotIntervalMinutes: 30 });
    expect(updated.scheduleVersion).toBeGreaterThan(tenant.scheduleVersion);
    const { entries } = await listAudit(handle.db, tenant.id, 1);
    expect(entries[0]).toMatchObject({ action: "settings.profile", actorLabel: "owner@test" });
    expect(businessSettingsSchema.safeParse({ ...input, timeZone: "Mars/Olympus" }).success).toBe(
      false,
    );
  });

  it("books a walk-in without an e-mail address; customers must give one", async () => {
    const body = {
      activityId,
      dateTime: new Date(at(3, 15)).toISOString(),
      clientInfo: { name: "Phone Only", email: " ", phone: "+33 6 12 34 56 78" },
    };
    expect(bookingSchema.safeParse(body).success).toBe(false);
    const booked = await bookAppointment(
      handle.db,
      tenant,
      businessBookingSchema.parse(body),
      new Date(),
      owner,
      { status: "confirmed" },
    );
    expect(booked.clientEmail).toBeNull();
    expect(
      (await appointmentDetails(handle.db, tenant, booked.id, new Date())).client,
    ).toMatchObject({ name: "Phone Only", email: null, phone: "+33 6 12 34 56 78" });
  });

  it("hides a service from customers but not from the business", async () => {
    const hidden = await createActivity(
      handle.db,
      tenant,
      activityInputSchema.parse(activityBody({ name: "Staff only", onlineBooking: false })),
      systemActor,
    );
    const online = await listActivities(handle.db, tenant.id, { online: true });
    expect(online.map((a) => a.name)).not.toContain("Staff only");
    expect((await listActivities(handle.db, tenant.id)).map((a) => a.name)).toContain("Staff only");
    const input = bookingSchema.parse({
      activityId: hidden.id,
      dateTime: new Date(at(3, 11)).toISOString(),
      clientInfo: client(),
    });
    await expect(bookAppointment(handle.db, tenant, input, new Date())).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const walkedIn = await bookAppointment(handle.db, tenant, input, new Date(), owner);
    expect(walkedIn.activityId).toBe(hidden.id);
  });

  it("names each field's own problem, and saves the contact and policy", async () => {
    const values = {
      ...profileValues(tenant),
      name: " ",
      timeZone: "Mars/Olympus",
      currency: "EURO",
      contactEmail: "not-an-address",
      contactPhone: "call me",
      slotIntervalMinutes: "0",
      cancellationNoticeHours: "-5",
      rescheduleNoticeHours: "",
    };
    const parsed = businessSettingsSchema.safeParse(readForm(formData(values), profileForm));
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(zodProblems(parsed.error)).toEqual({
      name: { kind: "required" },
      timeZone: { kind: "timeZone" },
      currency: { kind: "currency" },
      contactEmail: { kind: "email" },
      contactPhone: { kind: "phone" },
      slotIntervalMinutes: { kind: "tooSmall", limit: 5 },
      cancellationNoticeHours: { kind: "tooSmall", limit: 0 },
      rescheduleNoticeHours: { kind: "number" },
    });

    const saved = await updateBusinessSettings(
      handle.db,
      tenant,
      businessSettingsSchema.parse(
        readForm(
          formData({
            ...profileValues(tenant),
            contactEmail: "Hello@Salon.test",
            contactPhone: "+33 1 23 45 67 89",
            policyText: "Late by 15 minutes? We keep your time.",
          }),
          profileForm,
        ),
      ),
      owner,
    );
    expect(profileValues(saved)).toMatchObject({
      contactEmail: "hello@salon.test",
      contactPhone: "+33 1 23 45 67 89",
      policyText: "Late by 15 minutes? We keep your time.",
    });
  });
});

describe("the activity form", () => {
  it("round-trips an activity through the form into the API's schema", () => {
    const values = activityValues(undefined, "EUR");
    const parsed = activityInputSchema.parse(
      formBody({ ...values, name: "Soin", "requiredFields.phone": "on", price: "35,5" }),
    );
    expect(parsed).toMatchObject({
      name: "Soin",
      durationMinutes: 60,
      price: 35.5,
      requiredFields: { phone: true, address: false, customField: false },
      // A new service reminds its customers a day before, unless the business says otherwise.
      reminderSettings: { enabled: true, hoursBefore: 24 },
      modes: ["in_person"],
    });
  });

  it("names the fields the schema refuses", () => {
    const result = activityInputSchema.safeParse(
      formBody({
        ...activityValues(undefined, "EUR"),
        name: "Soin",
        durationMinutes: "abc",
      }),
    );
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["durationMinutes"]);
    const unlabelled = activityInputSchema.safeParse(
      formBody({
        ...activityValues(undefined, "EUR"),
        name: "Soin",
        "requiredFields.customField": "on",
      }),
    );
    expect(unlabelled.error?.issues.map((i) => i.path.join("."))).toEqual([
      "requiredFields.customFieldLabel",
    ]);
  });
});
