import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as statisticsExport from "@/app/admin/statistics/export/route";
import { type Tenant, tenants } from "@/db/schema";
import { zonedInstant } from "@/lib/scheduling/calendar-day";
import { tableLabels } from "@/lib/statistics/labels";
import { rates, statistics } from "@/lib/statistics/statistics";
import { tableCsv, tableOf } from "@/lib/statistics/tables";
import { activityBody, openBusiness } from "./helpers/api";
import { insertAppointment } from "./helpers/fixtures";
import { useAppDatabase } from "./helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";

/** An instant at a day and time of Paris (the fixtures' businesses' zone). */
const paris = (day: string, hhmm: string) =>
  new Date(
    zonedInstant(day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), "Europe/Paris"),
  );

describe.each(engines)("statistics on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());

  async function business() {
    const { biz, api } = await openBusiness(handle.db);
    const cut = (await api.createActivity(activityBody({ name: "Cut", price: 40 }))).json.activity;
    const color = (await api.createActivity(activityBody({ name: "Color", price: 80 }))).json
      .activity;
    const sam = (
      await api.createStaff({ name: "Sam", color: "#16a34a", activityIds: [cut.id, color.id] })
    ).json.staff;
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.id, biz.tenant.id));
    const book = (
      day: string,
      hhmm: string,
      activityId: string,
      status: "pending" | "confirmed" | "completed" | "cancelled" | "no_show",
      staffId?: string,
    ) =>
      insertAppointment(handle.db, {
        tenantId: biz.tenant.id,
        activityId,
        staffId,
        startsAt: paris(day, hhmm),
        status,
      });
    return { biz, tenant: tenant as Tenant, cut, color, sam, book };
  }

  it("counts a range by its days in the business's zone, against the period just before", async () => {
    const { biz, tenant, cut, color, sam, book } = await business();
    // This period: 2026-03-09 (a Monday) to 2026-03-15.
    await book("2026-03-09", "09:00", cut.id, "completed");
    await book("2026-03-09", "10:00", color.id, "completed", sam.id);
    await book("2026-03-10", "09:00", cut.id, "no_show");
    await book("2026-03-12", "14:00", color.id, "cancelled", sam.id);
    await book("2026-03-15", "23:30", cut.id, "confirmed");
    // Just after midnight in Paris on the 16th, though still the 15th in UTC: outside.
    await book("2026-03-16", "00:30", cut.id, "completed");
    // The week before: one booking, completed.
    await book("2026-03-04", "11:00", cut.id, "completed");

    const stats = await statistics(handle.db, tenant, { from: "2026-03-09", to: "2026-03-15" });
    expect(stats.totals).toEqual({
      bookings: 4,
      cancelled: 1,
      completed: 2,
      noShows: 1,
      revenueMinor: 12_000,
    });
    expect(stats.previous).toMatchObject({
      from: "2026-03-02",
      to: "2026-03-08",
      totals: { bookings: 1, completed: 1, revenueMinor: 4_000 },
    });
    expect(rates(stats.totals)).toEqual({ cancellation: 1 / 5, noShow: 1 / 3 });
    expect(stats.unit).toBe("day");
    expect(stats.series.map((s) => [s.start, s.bookings])).toEqual([
      ["2026-03-09", 2],
      ["2026-03-10", 1],
      ["2026-03-11", 0],
      ["2026-03-12", 0],
      ["2026-03-13", 0],
      ["2026-03-14", 0],
      ["2026-03-15", 1],
    ]);
    expect(stats.series[3]?.cancelled).toBe(1);
    // The heat map counts local hours and ISO weekdays: Sunday 23:00 is (7, 23).
    expect(stats.heat).toContainEqual({ weekday: 7, hour: 23, bookings: 1 });
    expect(stats.heat).toContainEqual({ weekday: 1, hour: 9, bookings: 1 });
    expect(stats.heat.reduce((n, h) => n + h.bookings, 0)).toBe(4);
    expect(stats.byService.map((s) => [s.name, s.bookings, s.revenueMinor])).toEqual([
      ["Cut", 3, 4_000],
      ["Color", 1, 8_000],
    ]);
    expect(stats.byStaff.find((s) => s.id === sam.id)).toMatchObject({ bookings: 1, cancelled: 1 });

    // Each chart's table, and its CSV: French gets `;`, decimal commas and a byte order mark.
    const labels = tableLabels("fr");
    const totals = tableOf(stats, "totals", labels);
    expect(totals.rows[3]).toEqual([{ text: "Taux d’annulation" }, { share: 0.2 }, { share: 0 }]);
    const csv = tableCsv(tableOf(stats, "services", labels), "EUR", "fr");
    expect(csv).toBe(
      "\ufeffPrestation;Réservations;Annulées;Absences;Recettes\r\nCut;3;0;1;40\r\nColor;1;1;0;80\r\n",
    );
    const heat = tableOf(stats, "heat", tableLabels("en"));
    expect(heat.columns[0]).toBe("Weekday");
    expect(heat.rows[6]?.[0]).toEqual({ text: "Sun" });
    expect(heat.columns.at(-1)).toBe("23:00");

    // The export, for owners, admins and read-write keys.
    const exported = await fetchCsv(biz, "table=series&from=2026-03-09&to=2026-03-15");
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toContain("text/csv");
    expect(exported.text.split("\r\n")[1]).toBe("2026-03-09;2;0;0;120");
  });

  it("goes by week past two months, and refuses a range it cannot show", async () => {
    const { biz, tenant, cut, book } = await business();
    await book("2026-01-07", "09:00", cut.id, "completed");
    await book("2026-03-30", "09:00", cut.id, "completed");
    const stats = await statistics(handle.db, tenant, { from: "2026-01-01", to: "2026-03-31" });
    expect(stats.unit).toBe("week");
    // Weeks start on Mondays: the first one holds 1 January 2026, a Thursday.
    expect(stats.series[0]).toMatchObject({ start: "2025-12-29", bookings: 0 });
    expect(stats.series.find((s) => s.start === "2026-01-05")?.bookings).toBe(1);
    expect(stats.series.at(-1)).toMatchObject({ start: "2026-03-30", bookings: 1 });

    for (const query of [
      "table=series&from=2026-03-10&to=2026-03-01",
      "table=series&from=2020-01-01&to=2026-03-01",
      "table=nope&from=2026-03-01&to=2026-03-02",
      "table=series&from=yesterday&to=2026-03-02",
    ]) {
      const refused = await fetchCsv(biz, query);
      expect(refused.status).toBe(422);
    }
  });

  async function fetchCsv(biz: { tenant: { slug: string }; apiKey: string }, query: string) {
    const req = new (await import("next/server")).NextRequest(
      `http://localhost:3000/admin/statistics/export?${query}`,
      {
        headers: {
          "x-rendezvous-tenant": biz.tenant.slug,
          authorization: `Bearer ${biz.apiKey}`,
        },
      },
    );
    const response = await statisticsExport.GET(req, { params: Promise.resolve({}) });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }
});
