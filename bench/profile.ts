// npm run bench:profile – where an uncached slots request's time goes, piece by piece, in this
// process on real PostgreSQL: the per-request work (tenant row, rate-limit count), the booking
// context, the busy-time read (with its EXPLAIN), the engine and the JSON. Medians of many runs.
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "@/db/client";
import type { Tenant } from "@/db/schema";
import { loadBookingContext } from "@/lib/offer/booking-context";
import { busyTimeQuery, listBusyTime } from "@/lib/offer/busy-time";
import { slotsFrom } from "@/lib/offer/find-slots";
import { slotsBody, slotsJson } from "@/lib/offer/slots-json";
import { consume, createLimiters } from "@/lib/rate-limit/limiters";
import { addDays, zonedInstant } from "@/lib/scheduling/calendar-day";
import { findTenantBySlug } from "@/lib/tenants/find-tenant";
import { freshPostgres } from "@/scripts/fresh-postgres";
import { type BenchBusiness, MIN, seed, TZ } from "./seed";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const RUNS = Number(process.env.PROFILE_RUNS ?? 60);
const DAY = 1440 * MIN;

async function median(run: (i: number) => Promise<unknown> | unknown) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(times.length / 2)] ?? 0) * 100) / 100;
}

async function main() {
  const url = await freshPostgres(ADMIN_URL, "rendezvous_profile");
  const cases: { name: string; business: BenchBusiness; days: number }[] = [];
  const one = await seed(url, "one", 1);
  const each = await seed(url, "each", 10, { eachHolds: true });
  const shared = await seed(url, "shared", 10);
  cases.push(
    { name: "1 staff, 31 days", business: one, days: 31 },
    { name: "1 staff, 92 days", business: one, days: 92 },
    { name: "10 staff holding 10,000 each, 31 days", business: each, days: 31 },
    { name: "10 staff sharing 10,000, 31 days", business: shared, days: 31 },
  );
  const { db, close } = await openDatabase({ url, poolMax: 4 });
  const limiters = createLimiters(db, {
    signIn: 1e9,
    booking: 1e9,
    public: 1e9,
    api: 1e9,
    register: 1e9,
  });
  const perRequest = {
    "tenant row": await median(() => findTenantBySlug(db, "one")),
    "rate-limit count": await median((i) => consume(limiters, "public", `ip:${i % 10}`)),
    "select 1": await median(() => queryRows(db, sql`select 1`)),
  };
  console.table(perRequest);

  const rows = [];
  for (const [index, { name, business, days }] of cases.entries()) {
    const tenant = (await findTenantBySlug(db, business.tenant.slug)) as Tenant;
    const from = zonedInstant(addDays(business.today, 10), 0, TZ);
    const range = { from, to: from + days * DAY };
    const now = new Date();
    const margin = 3 * DAY;
    // A new catalog or schedule version each run: what the first visitor after a change pays.
    const fresh = (i: number, key: "catalogVersion" | "scheduleVersion") => ({
      ...tenant,
      [key]: tenant[key] + 1000 * (index + 1) + i,
    });
    const context = await loadBookingContext(db, tenant, business.activityId);
    const busy = await listBusyTime(db, tenant.id, range.from - margin, range.to + margin);
    const slots = slotsFrom(context, context.staff, busy, tenant, range, now);
    const intervals = [...busy.staff.values()].reduce((n, list) => n + list.length, 0);
    rows.push({
      case: name,
      "context, uncached": await median((i) =>
        loadBookingContext(db, fresh(i, "catalogVersion"), business.activityId),
      ),
      "context, cached": await median(() => loadBookingContext(db, tenant, business.activityId)),
      "busy time read": await median(() =>
        listBusyTime(db, tenant.id, range.from - margin, range.to + margin),
      ),
      "busy intervals": intervals,
      engine: await median(() => slotsFrom(context, context.staff, busy, tenant, range, now)),
      slots: slots.length,
      JSON: await median(() => slotsBody(slots, false)),
      "whole, uncached": await median((i) =>
        slotsJson(db, fresh(i, "scheduleVersion"), business.activityId, range, now),
      ),
    });
    if (days === 31) {
      const plan = await queryRows<{ "QUERY PLAN": string }>(
        db,
        sql`explain (analyze, buffers) ${busyTimeQuery(tenant.id, range.from - margin, range.to + margin, {})}`,
      );
      console.log(`\nbusy time read, ${name}:\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
  console.table(rows);
  await close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
