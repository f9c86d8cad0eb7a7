// npm run bench – throughput and latency of the booking API on real PostgreSQL, as ratios to
// GET /api/health measured in the same run, plus the pure slot engine on its own. Writes
// bench/results.json. Not part of npm test: shared machines are noisy, so only ratios count.
import { execSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { openDatabase } from "@/db/client";
import { createActivity } from "@/lib/activities/activities";
import { activityInputSchema } from "@/lib/activities/schema";
import { systemActor } from "@/lib/audit/record-audit";
import { createClassSessions } from "@/lib/classes/class-sessions";
import { classSessionInputSchema } from "@/lib/classes/schema";
import { findSlots } from "@/lib/offer/find-slots";
import { findVisitSlots } from "@/lib/offer/visit-offer";
import { addDays, zonedInstant } from "@/lib/scheduling/calendar-day";
import { computeSlots } from "@/lib/scheduling/compute-slots";
import { computeTeamSlots } from "@/lib/scheduling/team-slots";
import { freshPostgres } from "@/scripts/fresh-postgres";
import {
  bookingRequests,
  CONNECTIONS,
  DURATION,
  type Instance,
  type Measure,
  measure,
  ratio,
  slotsPath,
  withInstances,
} from "./http";
import { type BenchBusiness, MIN, seed, TZ } from "./seed";

const PORT = Number(process.env.BENCH_PORT ?? 3201);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * The uncached cost of 31 days of availability for 10 staff, no preference, read from the
 * database and computed in this process: one service against a visit of two (the HTTP figures
 * above are the cached answers most visitors get).
 */
async function coldVisitCost(url: string, business: BenchBusiness) {
  const { db, close } = await openDatabase({ url, poolMax: 2 });
  const from = zonedInstant(addDays(business.today, 10), 0, TZ);
  const range = { from, to: from + 31 * 1440 * MIN };
  const now = new Date();
  const median = async (run: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return Math.round((times[15] ?? 0) * 10) / 10;
  };
  const one = await median(() =>
    findSlots(db, business.tenant, business.activityId, range, now, {}),
  );
  const visit = await median(() =>
    findVisitSlots(
      db,
      business.tenant,
      { items: [{ activityId: business.activityId }, { activityId: business.finishId }] },
      range,
      now,
    ),
  );
  await close();
  return {
    oneServiceMedianMs: one,
    visitMedianMs: visit,
    ratio: Math.round((one / visit) * 100) / 100,
  };
}

/**
 * A 12-seat class with one session: 100 bookings of it at once give exactly 12 seats, the
 * others a 409, nothing else.
 */
async function classRace(url: string, base: string, business: BenchBusiness) {
  const { db, close } = await openDatabase({ url, poolMax: 2 });
  const yoga = await createActivity(
    db,
    business.tenant,
    activityInputSchema.parse({ name: "Yoga", durationMinutes: 60, capacity: 12 }),
    systemActor,
  );
  const {
    sessions: [session],
  } = await createClassSessions(
    db,
    business.tenant,
    classSessionInputSchema.parse({
      activityId: yoga.id,
      staffId: business.staff[0]?.id,
      startsAt: `${addDays(business.today, 3)}T23:00:00`,
      // After hours, where no booking of the bench's competes with it.
      outsideHours: true,
    }),
    systemActor,
  );
  await close();
  const answers = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      fetch(`${base}/api/appointments`, {
        method: "POST",
        headers: { "x-tenant-slug": business.tenant.slug, "content-type": "application/json" },
        body: JSON.stringify({
          activityId: yoga.id,
          dateTime: session?.startsAt.toISOString(),
          clientInfo: { name: `Yogi ${i}`, email: "yogi@example.com" },
        }),
      }).then((r) => r.status),
    ),
  );
  const count = (status: number) => answers.filter((s) => s === status).length;
  return { booked: count(201), refused: count(409), other: 100 - count(201) - count(409) };
}

/**
 * The JavaScript a modern browser downloads for a page: its <script src> files (not the noModule
 * polyfills, which it skips), gzipped as `next start` serves them, plus its inline scripts (the
 * App Router's flight data, the booking page's own script), gzipped together.
 */
async function pageJavaScript(base: string, path: string, headers: Record<string, string>) {
  const html = await (await fetch(`${base}${path}`, { headers })).text();
  const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  const sources = new Set(
    tags
      .map(([, attributes = ""]) => /\bsrc="([^"]+)"/.exec(attributes)?.[1] ?? "")
      .filter((src, i) => src && !/nomodule/i.test(tags[i]?.[1] ?? "")),
  );
  const inline = tags
    .filter(([, attributes = ""]) => !/\bsrc=|application\/(ld\+)?json/.test(attributes))
    .map(([, , body = ""]) => body)
    .join("\n");
  const gzipped = (body: Buffer | string) => gzipSync(body, { level: 9 }).length;
  let gzipBytes = inline ? gzipped(inline) : 0;
  for (const src of sources) {
    gzipBytes += gzipped(Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer()));
  }
  return {
    path,
    scripts: sources.size,
    inlineScripts: tags.length - sources.size,
    gzipKiB: Math.round((gzipBytes / 1024) * 10) / 10,
  };
}

/** The median and p99 of 300 runs of `run`, in milliseconds. */
function timeRuns(run: () => void) {
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const pick = (q: number) =>
    Math.round((times[Math.floor(q * (times.length - 1))] ?? 0) * 1000) / 1000;
  return { medianMs: pick(0.5), p99Ms: pick(0.99) };
}

/** 31 days of 15-minute slots, open all day, against 2,000 busy intervals (for one or ten staff). */
function engineBenchmark() {
  const from = Date.UTC(2026, 0, 5);
  const to = from + 31 * 1440 * MIN;
  const busyOf = (count: number, shift: number) =>
    Array.from({ length: count }, (_, i) => {
      const start = from + Math.floor((i * (to - from)) / count) + shift * 5 * MIN;
      return { start, end: start + 10 * MIN };
    });
  const hours = {
    timeZone: TZ,
    weekly: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
      dayOfWeek,
      startMinute: 0,
      endMinute: 1440,
    })),
    closedDays: [],
  };
  const rules = {
    durationMinutes: 15,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    maxAdvanceDays: 400,
    intervalMinutes: 15,
  };
  const busy = busyOf(2000, 0);
  let slots = 0;
  const one = timeRuns(() => {
    slots = computeSlots({ ...hours, from, to, rules, busy, now: from }).length;
  });
  // Ten staff members, 2,000 busy intervals each, every one working the same hours.
  const staff = Array.from({ length: 10 }, (_, i) => ({
    id: `s${i}`,
    hours,
    busy: busyOf(2000, i),
  }));
  const ten = timeRuns(() => {
    computeTeamSlots({ from, to, rules, now: from, staff });
  });
  return { slots, busyIntervals: busy.length, ...one, tenStaff: ten };
}

/** A target of the issue's, with what this run measured. */
interface Check {
  check: string;
  measured: number;
  target: string;
  met: boolean;
}

async function main() {
  const engine = engineBenchmark();
  console.log(
    `slot engine: ${engine.slots} slots against ${engine.busyIntervals} busy intervals, median ${engine.medianMs} ms, p99 ${engine.p99Ms} ms (target < 2 ms); 10 staff with as many each: median ${engine.tenStaff.medianMs} ms, p99 ${engine.tenStaff.p99Ms} ms (target < 5 ms)`,
  );

  const url = await freshPostgres(ADMIN_URL, "rendezvous_bench");
  const one = await seed(url, "bench", 1);
  const team = await seed(url, "bench-team", 10, { rooms: 3 });
  const each = await seed(url, "bench-each", 10, { eachHolds: true });
  console.log(
    "seeded 10,000 appointments over a year for one staff member, for ten sharing them, and for ten holding as many each",
  );
  if (process.env.BENCH_SKIP_BUILD !== "1") execSync("npx next build", { stdio: "ignore" });

  await withInstances(url, PORT, async (cached, uncached) => {
    const get = (instance: Instance, path: string, slug: string) => ({
      url: `${instance.base}${path}`,
      headers: { "x-tenant-slug": slug },
    });
    const startDate = addDays(one.today, 10);
    const month = (business: BenchBusiness) => slotsPath(business.activityId, startDate, 31);

    const health = await measure("GET /api/health", { url: `${cached.base}/api/health` });
    const slots = await measure("GET slots (31 days)", get(cached, month(one), "bench"));
    const slotsCold = await measure(
      "GET slots (31 days, uncached)",
      get(uncached, month(one), "bench"),
    );
    const quarterCold = await measure(
      "GET slots (92 days, uncached)",
      get(uncached, slotsPath(one.activityId, startDate, 92), "bench"),
    );
    const eachCold = await measure(
      "GET slots (31 days, no preference, 10 staff holding 10,000 each, uncached)",
      get(uncached, month(each), "bench-each"),
    );
    const sharedCold = await measure(
      "GET slots (31 days, no preference, 10 staff sharing 10,000, uncached)",
      get(uncached, month(team), "bench-team"),
    );
    const teamSlots = await measure(
      "GET slots (31 days, 10 staff, no preference)",
      get(cached, month(team), "bench-team"),
    );
    const roomSlots = await measure(
      "GET slots (31 days, 10 staff + 3 rooms)",
      get(cached, slotsPath(team.treatmentId ?? "", startDate, 31), "bench-team"),
    );
    const visitSlots = await measure(
      "GET visit slots (2 services, 31 days, 10 staff)",
      get(
        cached,
        `/api/visits/slots?activityIds=${team.activityId},${team.finishId}&startDate=${startDate}&endDate=${addDays(startDate, 30)}`,
        "bench-team",
      ),
    );
    const bookings = await measure(
      "POST /api/appointments",
      bookingRequests(cached.base, one.activityId, "bench", one.today),
    );
    const teamBookings = await measure(
      "POST /api/appointments (10 staff, no preference)",
      bookingRequests(cached.base, team.activityId, "bench-team", team.today),
    );

    const headers = { "x-tenant-slug": "bench" };
    const bookingPage = await pageJavaScript(cached.base, `/book/${one.activityId}`, headers);
    const businessPage = await pageJavaScript(cached.base, "/", headers);
    console.log(
      `booking page JavaScript: ${bookingPage.gzipKiB} KiB gzipped in ${bookingPage.scripts} files and ${bookingPage.inlineScripts} inline scripts (target <= 100 kB); the business page (App Router, no client component of ours): ${businessPage.gzipKiB} KiB`,
    );

    // The baseline is measured before and after, and averaged: shared machines drift.
    const healthAfter = await measure("GET /api/health (after)", {
      url: `${cached.base}/api/health`,
    });
    const baseline = (health.requestsPerSecond + healthAfter.requestsPerSecond) / 2;
    const baselineP99 = (health.p99Ms + healthAfter.p99Ms) / 2;
    const seats = await classRace(url, cached.base, team);
    const cold = await coldVisitCost(url, team);
    const rssMb = Math.max(cached.rssMb(), uncached.rssMb());
    console.log(
      `uncached, in process: one service ${cold.oneServiceMedianMs} ms, a visit of two ${cold.visitMedianMs} ms (the visit's speed as a share of one service's: ${cold.ratio}, target >= 0.40)`,
    );
    console.log(
      `a 12-seat class under 100 concurrent bookings: ${seats.booked} booked, ${seats.refused} refused, ${seats.other} other (target: 12, 88, 0)`,
    );
    const slotMeasures = [
      slots,
      slotsCold,
      quarterCold,
      eachCold,
      sharedCold,
      teamSlots,
      roomSlots,
      visitSlots,
    ];
    const results = [...slotMeasures, bookings, teamBookings, health, healthAfter].map((m) => ({
      ...m,
      ratioToBaseline: ratio(m.requestsPerSecond, baseline),
      p99ToBaseline: ratio(m.p99Ms, baselineP99),
    }));
    console.table(results);

    const toBaseline = (m: Measure) => ratio(m.requestsPerSecond, baseline);
    const check = (name: string, measured: number, target: number, atMost = false): Check => ({
      check: name,
      measured,
      target: `${atMost ? "<=" : ">="} ${target}`,
      met: atMost ? measured <= target : measured >= target,
    });
    const worstP99 = Math.max(...slotMeasures.map((m) => m.p99Ms));
    const checks = [
      check("31 days, one staff member, uncached / no-op", toBaseline(slotsCold), 0.5),
      check("31 days, one staff member, cached / no-op", toBaseline(slots), 0.7),
      check(
        "10 staff holding 10,000 each, uncached / one staff member uncached",
        ratio(eachCold.requestsPerSecond, slotsCold.requestsPerSecond),
        0.5,
      ),
      check("92 days, uncached / no-op", toBaseline(quarterCold), 0.3),
      check("worst slots p99 / no-op p99", ratio(worstP99, baselineP99), 2, true),
      check("bookings, one staff member / no-op", toBaseline(bookings), 0.4),
      check("bookings, 10 staff, no preference / no-op", toBaseline(teamBookings), 0.4),
      check(
        "10 staff, no preference / one staff member, cached",
        ratio(teamSlots.requestsPerSecond, slots.requestsPerSecond),
        0.5,
      ),
      check(
        "staff and a room / staff only, cached",
        ratio(roomSlots.requestsPerSecond, teamSlots.requestsPerSecond),
        0.5,
      ),
      check(
        "a visit of two services / one service, cached",
        ratio(visitSlots.requestsPerSecond, teamSlots.requestsPerSecond),
        0.4,
      ),
      check("a visit / one service, uncached in process", cold.ratio, 0.4),
      check("booking page JavaScript, KiB gzipped", bookingPage.gzipKiB, 100, true),
      check("engine median, ms", engine.medianMs, 2, true),
      check("engine median, 10 staff, ms", engine.tenStaff.medianMs, 5, true),
      check("class seats booked of 12 under 100 at once", seats.booked, 12, true),
      check("resident memory after the benchmark, MB", rssMb, 500, true),
    ];
    console.table(checks);
    const report = {
      date: new Date().toISOString(),
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      engine,
      javascript: { bookingPage, businessPage },
      baselineRequestsPerSecond: Math.round(baseline),
      baselineP99Ms: baselineP99,
      http: results,
      visitUncached: cold,
      classRace: seats,
      rssMb,
      checks,
    };
    writeFileSync("bench/results.json", `${JSON.stringify(report, null, 2)}\n`);
    console.log("written to bench/results.json");
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
