// npm run bench – throughput and latency of the booking API on real PostgreSQL, as ratios to
// GET /api/health measured in the same run, plus the pure slot engine on its own. Writes
// bench/results.json. Not part of npm test: shared machines are noisy, so only ratios count.
import { type ChildProcess, execSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
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
import { type BenchBusiness, MIN, seed, TZ } from "./seed";

const PORT = Number(process.env.BENCH_PORT ?? 3201);
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

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
async function classRace(url: string, business: BenchBusiness) {
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
      fetch(`${BASE}/api/appointments`, {
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

async function waitForServer(server: ChildProcess) {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error("the server exited");
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

interface Measure {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

async function measure(name: string, options: autocannon.Options): Promise<Measure> {
  // A short warm-up first, so that compilation and connection set-up are not measured.
  await autocannon({ ...options, duration: 2, amount: undefined });
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/**
 * The JavaScript a modern browser downloads for a page: its <script src> files (not the noModule
 * polyfills, which it skips), gzipped as `next start` serves them, plus its inline scripts (the
 * App Router's flight data, the booking page's own script), gzipped together.
 */
async function pageJavaScript(path: string, headers: Record<string, string>) {
  const html = await (await fetch(`${BASE}${path}`, { headers })).text();
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
    gzipBytes += gzipped(Buffer.from(await (await fetch(`${BASE}${src}`)).arrayBuffer()));
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

async function main() {
  const engine = engineBenchmark();
  console.log(
    `slot engine: ${engine.slots} slots against ${engine.busyIntervals} busy intervals, median ${engine.medianMs} ms, p99 ${engine.p99Ms} ms (target < 2 ms); 10 staff with as many each: median ${engine.tenStaff.medianMs} ms, p99 ${engine.tenStaff.p99Ms} ms (target < 5 ms)`,
  );

  const url = await freshPostgres(ADMIN_URL, "rendezvous_bench");
  const { activityId, today } = await seed(url, "bench", 1);
  const team = await seed(url, "bench-team", 10, { rooms: 3 });
  console.log("seeded 10,000 appointments over a year, for one staff member and for ten");
  if (process.env.BENCH_SKIP_BUILD !== "1") execSync("npx next build", { stdio: "ignore" });

  const server = spawn("npx", ["next", "start", "-p", String(PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      SEED_DEMO: "0",
      DB_POOL_MAX: "20",
      // The load comes from one address: far over any visitor's limits.
      RATE_LIMIT_PUBLIC: "1000000",
      RATE_LIMIT_BOOKING: "1000000",
      RATE_LIMIT_API: "1000000",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    await waitForServer(server);
    const headers = { "x-tenant-slug": "bench" };
    const teamHeaders = { "x-tenant-slug": "bench-team" };
    const health = await measure("GET /api/health", { url: `${BASE}/api/health` });
    const startDate = addDays(today, 10);
    const slotsUrl = (id: string) =>
      `${BASE}/api/appointments/availability/slots?activityId=${id}&startDate=${startDate}&endDate=${addDays(startDate, 30)}`;
    const slots = await measure("GET slots (31 days)", { url: slotsUrl(activityId), headers });
    const teamSlots = await measure("GET slots (31 days, 10 staff, no preference)", {
      url: slotsUrl(team.activityId),
      headers: teamHeaders,
    });
    const roomSlots = await measure("GET slots (31 days, 10 staff + 3 rooms)", {
      url: slotsUrl(team.treatmentId ?? ""),
      headers: teamHeaders,
    });
    const visitSlots = await measure("GET visit slots (2 services, 31 days, 10 staff)", {
      url: `${BASE}/api/visits/slots?activityIds=${team.activityId},${team.finishId}&startDate=${startDate}&endDate=${addDays(startDate, 30)}`,
      headers: teamHeaders,
    });

    // Each booking takes a distinct free start: 14:00-21:45 is never seeded.
    const freeStart = (n: number) =>
      new Date(
        zonedInstant(addDays(today, 1 + Math.floor(n / 32)), 14 * 60 + (n % 32) * 15, TZ),
      ).toISOString();
    const book = (name: string, id: string, tenantHeaders: Record<string, string>) => {
      let next = 0;
      return measure(name, {
        url: `${BASE}/api/appointments`,
        method: "POST",
        headers: { ...tenantHeaders, "content-type": "application/json" },
        amount: 5000,
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                activityId: id,
                dateTime: freeStart(next++),
                clientInfo: { name: "Bench", email: "bench@example.com" },
              }),
            }),
          },
        ],
      });
    };
    const bookings = await book("POST /api/appointments", activityId, headers);
    const teamBookings = await book(
      "POST /api/appointments (10 staff, no preference)",
      team.activityId,
      teamHeaders,
    );

    const bookingPage = await pageJavaScript(`/book/${activityId}`, headers);
    const businessPage = await pageJavaScript("/", headers);
    console.log(
      `booking page JavaScript: ${bookingPage.gzipKiB} KiB gzipped in ${bookingPage.scripts} files and ${bookingPage.inlineScripts} inline scripts (target <= 100 kB); the business page (App Router, no client component of ours): ${businessPage.gzipKiB} KiB`,
    );

    // The baseline is measured before and after, and averaged: shared machines drift.
    const healthAfter = await measure("GET /api/health (after)", { url: `${BASE}/api/health` });
    const baseline = (health.requestsPerSecond + healthAfter.requestsPerSecond) / 2;
    const seats = await classRace(url, team);
    const cold = await coldVisitCost(url, team);
    console.log(
      `uncached, in process: one service ${cold.oneServiceMedianMs} ms, a visit of two ${cold.visitMedianMs} ms (the visit's speed as a share of one service's: ${cold.ratio}, target >= 0.40)`,
    );
    console.log(
      `a 12-seat class under 100 concurrent bookings: ${seats.booked} booked, ${seats.refused} refused, ${seats.other} other (target: 12, 88, 0)`,
    );
    const results = [
      health,
      slots,
      teamSlots,
      roomSlots,
      visitSlots,
      bookings,
      teamBookings,
      healthAfter,
    ].map((m) => ({
      ...m,
      ratioToBaseline: Math.round((m.requestsPerSecond / baseline) * 100) / 100,
    }));
    console.table(results);
    const versusOne = {
      slots: Math.round((teamSlots.requestsPerSecond / slots.requestsPerSecond) * 100) / 100,
      bookings:
        Math.round((teamBookings.requestsPerSecond / bookings.requestsPerSecond) * 100) / 100,
    };
    const roomsVersusStaff =
      Math.round((roomSlots.requestsPerSecond / teamSlots.requestsPerSecond) * 100) / 100;
    const visitVersusService =
      Math.round((visitSlots.requestsPerSecond / teamSlots.requestsPerSecond) * 100) / 100;
    console.log(
      `a visit of two services against one service, 10 staff, no preference, in this run: slots ${visitVersusService} (target >= 0.40)`,
    );
    console.log(
      `a service needing staff and a room, against staff only in this run: slots ${roomsVersusStaff} (target >= 0.50)`,
    );
    console.log(
      `10 staff, no preference, against one staff member in this run: slots ${versusOne.slots} (target >= 0.50), bookings ${versusOne.bookings} (target >= 0.80)`,
    );
    const report = {
      date: new Date().toISOString(),
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      engine,
      javascript: { bookingPage, businessPage },
      baselineRequestsPerSecond: Math.round(baseline),
      http: results,
      teamVersusOneStaff: versusOne,
      staffAndRoomVersusStaffOnly: roomsVersusStaff,
      visitVersusOneService: visitVersusService,
      visitUncached: cold,
      classRace: seats,
      targets: {
        slotsRatio: ">= 0.60",
        slotsP99Ms: "<= 50",
        bookingsRatio: ">= 0.40",
        engineMedianMs: "< 2",
        teamEngineMedianMs: "< 5",
        teamSlotsVersusOneStaff: ">= 0.50",
        teamBookingsVersusOneStaff: ">= 0.80",
        staffAndRoomVersusStaffOnly: ">= 0.50",
        visitVersusOneService: ">= 0.40",
        classRace: "12 booked, 88 refused",
        bookingPageJavaScriptKiB: "<= 100",
      },
    };
    writeFileSync("bench/results.json", `${JSON.stringify(report, null, 2)}\n`);
    console.log("written to bench/results.json");
  } finally {
    // The server may have exited already (a bad configuration says why on its own line).
    if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
