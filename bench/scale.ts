// npm run bench:scale – does one business's speed depend on the size of the tables? Measures one
// business (availability cached and not, bookings) on a small database, then again after 10,000
// other businesses with 1,000 appointments each (10 million rows, generated in SQL) join it; and
// bookings through two instances at once. Writes bench/scale-results.json. Takes about 20 minutes on
// two cores: not part of npm test, nor of npm run bench.
import { execSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import postgres from "postgres";
import { addDays } from "@/lib/scheduling/calendar-day";
import { freshPostgres } from "@/scripts/fresh-postgres";
import {
  bookingRequests,
  type Instance,
  measure,
  ratio,
  slotsPath,
  startInstance,
  withInstances,
} from "./http";
import { type BenchBusiness, seed } from "./seed";

const PORT = Number(process.env.BENCH_PORT ?? 3201);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const BUSINESSES = Number(process.env.SCALE_BUSINESSES ?? 10_000);
const PER_BUSINESS = 1000;
const BATCH = 250;

/** The one business's figures, as ratios to the no-op measured in the same round. */
async function round(url: string, business: BenchBusiness, bookingOffset: number) {
  return withInstances(url, PORT, async (cached, uncached) => {
    const month = slotsPath(business.activityId, addDays(business.today, 10), 31);
    const headers = { "x-tenant-slug": business.tenant.slug };
    const health = await measure("GET /api/health", { url: `${cached.base}/api/health` });
    const warm = await measure("slots, cached", { url: `${cached.base}${month}`, headers });
    const cold = await measure("slots, uncached", { url: `${uncached.base}${month}`, headers });
    const bookings = await measure(
      "bookings",
      bookingRequests(cached.base, business.activityId, business.tenant.slug, business.today, {
        amount: 2000,
        offset: bookingOffset,
      }),
    );
    const of = (m: { requestsPerSecond: number }) =>
      ratio(m.requestsPerSecond, health.requestsPerSecond);
    return {
      noOp: health.requestsPerSecond,
      cached: { ...warm, ratio: of(warm) },
      uncached: { ...cold, ratio: of(cold) },
      bookings: { ...bookings, ratio: of(bookings) },
    };
  });
}

/**
 * Bookings per second of one instance, then of two at once (each taking its own free starts), on
 * the same database: the exclusion constraints, not the instances, keep them apart.
 */
async function twoInstances(url: string, business: BenchBusiness, offset: number) {
  const a = await startInstance(url, PORT);
  const b = await startInstance(url, PORT + 1);
  try {
    const book = (instance: Instance, from: number) =>
      measure(
        `bookings via ${instance.base}`,
        bookingRequests(instance.base, business.activityId, business.tenant.slug, business.today, {
          amount: 1500,
          offset: from,
        }),
      );
    const alone = await book(a, offset);
    const [first, second] = await Promise.all([book(a, offset + 2000), book(b, offset + 4000)]);
    return {
      oneInstance: alone.requestsPerSecond,
      twoInstances: first.requestsPerSecond + second.requestsPerSecond,
      non2xx: alone.non2xx + first.non2xx + second.non2xx,
    };
  } finally {
    a.stop();
    b.stop();
  }
}

/** 10,000 businesses, each with a place, a service, a person and 1,000 appointments. */
async function fill(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const started = Date.now();
    const ids = (kind: string) => sql`md5(${kind}::text || n)::uuid`;
    const each = sql`generate_series(1, ${BUSINESSES}::int) n`;
    await sql`insert into tenants (id, name, slug, time_zone)
      select ${ids("t")}, 'Filler ' || n, 'filler-' || n, 'Europe/Paris' from ${each}`;
    await sql`insert into locations (id, tenant_id, name) select ${ids("l")}, ${ids("t")}, 'Main' from ${each}`;
    await sql`insert into activities (id, tenant_id, name, color, duration_minutes)
      select ${ids("a")}, ${ids("t")}, 'Service', '#2563eb', 30 from ${each}`;
    await sql`insert into staff_members (id, tenant_id, location_id, name, color)
      select ${ids("s")}, ${ids("t")}, ${ids("l")}, 'Owner', '#2563eb' from ${each}`;
    // Filler businesses have no classes: the trigger checking each appointment against class
    // sessions (an advisory lock per appointment) has nothing to find, and would need a lock
    // table as large as a batch.
    await sql`alter table appointments disable trigger appointments_class_time`;
    for (let first = 1; first <= BUSINESSES; first += BATCH) {
      const last = Math.min(BUSINESSES, first + BATCH - 1);
      // Eight half-hours a morning over 125 days, from half a year ago.
      await sql`insert into appointments (tenant_id, activity_id, staff_id, location_id, starts_at,
          ends_at, blocked_from, blocked_until, client_name, status)
        select ${ids("t")}, ${ids("a")}, ${ids("s")}, ${ids("l")}, s, s + interval '30 minutes',
          s, s + interval '30 minutes', 'Client', 'confirmed'
        from generate_series(${first}::int, ${last}::int) n,
          lateral (select date_trunc('day', now()) - interval '182 days' + interval '7 hours'
                     + (k / 8) * interval '1 day' + (k % 8) * interval '30 minutes' as s
                   from generate_series(0, ${PER_BUSINESS - 1}) k) slots`;
      console.log(
        `${last * PER_BUSINESS} filler appointments after ${Math.round((Date.now() - started) / 1000)} s`,
      );
    }
    await sql`alter table appointments enable trigger appointments_class_time`;
    await sql`vacuum analyze`;
    const [totals] = await sql<{ count: string; size: string }[]>`select
      (select count(*) from appointments) as count,
      pg_size_pretty(pg_database_size(current_database())) as size`;
    return {
      appointments: Number(totals?.count),
      size: totals?.size,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await sql.end();
  }
}

async function main() {
  const url = await freshPostgres(ADMIN_URL, "rendezvous_scale");
  const business = await seed(url, "bench", 1);
  if (process.env.BENCH_SKIP_BUILD !== "1") execSync("npx next build", { stdio: "ignore" });
  const small = await round(url, business, 0);
  console.log("small database:", JSON.stringify(small));
  const filled = await fill(url);
  console.log("filled:", filled);
  const large = await round(url, business, 3000);
  console.log("large database:", JSON.stringify(large));
  const instances = await twoInstances(url, business, 6000);
  const change = (key: "cached" | "uncached" | "bookings") =>
    Math.round((large[key].ratio / small[key].ratio - 1) * 100);
  const report = {
    date: new Date().toISOString(),
    businesses: BUSINESSES + 1,
    filled,
    small,
    large,
    changePercent: {
      cached: change("cached"),
      uncached: change("uncached"),
      bookings: change("bookings"),
    },
    instances,
  };
  console.table([
    { measure: "slots, cached / no-op", small: small.cached.ratio, large: large.cached.ratio },
    {
      measure: "slots, uncached / no-op",
      small: small.uncached.ratio,
      large: large.uncached.ratio,
    },
    { measure: "bookings / no-op", small: small.bookings.ratio, large: large.bookings.ratio },
  ]);
  console.log(
    `within 15 %: ${Object.values(report.changePercent).every((p) => Math.abs(p) <= 15)} (${JSON.stringify(report.changePercent)}); bookings, one instance ${instances.oneInstance}/s, two at once ${instances.twoInstances}/s`,
  );
  writeFileSync("bench/scale-results.json", `${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
