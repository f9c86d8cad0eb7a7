// npm run proof – what the security work promises, measured from outside against production
// builds: two instances racing for one slot, a hostile corpus, messages sent once by two instances
// and once across a kill -9 mid-send, kill -9 and restart on both engines, memory under a flood of
// slot ranges, concurrent sign-in guesses, made-up API keys, forged hosts, and ten minutes of a
// hostile mix at default memory settings. Prints `name: figure` lines so runs can be compared;
// exits 1 when a promise is broken. `--ci` leaves out the flood and the restarts after kill -9 and
// SIGTERM, and runs the memory mix for two minutes (MEMORY_MINUTES).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "@/db/client";
import { createActivity } from "@/lib/activities/activities";
import { activityInputSchema } from "@/lib/activities/schema";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { systemActor } from "@/lib/audit/record-audit";
import { replaceAvailability } from "@/lib/availability/availability";
import { addDays, dayInZone } from "@/lib/scheduling/calendar-day";
import { createTenant } from "@/lib/signup/create-tenant";
import { type FakeStripe, startFakeStripe } from "../tests/helpers/fake-stripe";
import { startInbox } from "../tests/helpers/smtp-inbox";
import { freshPostgres } from "./fresh-postgres";

const CI = process.argv.includes("--ci");
/**
 * `--only=flood` (or race, corpus, messages, payments, bruteforce, bearer, hosts, kill9, sigterm,
 * kill9-embedded, memory): one proof alone.
 */
const ONLY = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
const runs = (name: string, inCi = false) => (ONLY ? ONLY === name : inCi || !CI);
const ADMIN_URL =
  process.env.PROOF_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/postgres";
const NEXT = path.resolve("node_modules/.bin/next");
const SECRET = "proof-session-secret-0123456789abcdef";
const METRICS_TOKEN = "proof-metrics-token-0123456789";
const STRIPE_WEBHOOK_SECRET = "whsec_proof";
const failures: string[] = [];

function report(name: string, figure: string | number, ok = true) {
  console.log(`${name}: ${figure}`);
  if (!ok) failures.push(`${name}: ${figure}`);
}

// ---------------------------------------------------------------- servers and requests

interface Server {
  proc: ChildProcess;
  base: string;
  port: number;
  env: Record<string, string>;
}

/** `npm start` as the README runs it (its heap limit included), in a process group of its own. */
function startServer(port: number, env: Record<string, string>): Server {
  const proc = spawn("npm", ["start", "--", "-p", String(port)], {
    env: {
      ...process.env,
      TRUST_PROXY: "1",
      LOG_LEVEL: "warn",
      METRICS_TOKEN,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  return { proc, base: `http://127.0.0.1:${port}`, port, env };
}

/** Signals npm, its shell and the server together. */
const signal = (server: Server, name: NodeJS.Signals) => {
  if (server.proc.pid) process.kill(-server.proc.pid, name);
};

async function ready(server: Server, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.proc.exitCode !== null) throw new Error(`server on ${server.port} exited`);
    try {
      const response = await fetch(`${server.base}/api/health`);
      if (response.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server on ${server.port} did not answer`);
}

async function stop(server: Server) {
  if (server.proc.exitCode !== null) return;
  const exited = new Promise((resolve) => server.proc.once("exit", resolve));
  signal(server, "SIGTERM");
  await exited;
}

let addressCounter = 0;
/** A client address of its own for one request (the servers trust X-Forwarded-For here). */
const nextAddress = () => {
  addressCounter++;
  return `198.18.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
};

interface Answer {
  status: number;
  type: string;
  text: string;
}

async function send(
  base: string,
  pathAndQuery: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Uint8Array<ArrayBuffer>;
  } = {},
): Promise<Answer> {
  const response = await fetch(`${base}${pathAndQuery}`, {
    method: init.method ?? "GET",
    headers: { "x-forwarded-for": nextAddress(), ...init.headers },
    body: init.body,
    redirect: "manual",
  });
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    text: await response.text(),
  };
}

async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

// ---------------------------------------------------------------- data

async function proofDatabase(name: string): Promise<string> {
  return freshPostgres(ADMIN_URL, name).catch((error: Error) => {
    throw new Error(
      `the proof needs a PostgreSQL server at ${ADMIN_URL} (PROOF_DATABASE_URL or TEST_DATABASE_URL): ${error.message}`,
    );
  });
}

const openAllDay = {
  weeklySlots: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
    dayOfWeek,
    startTime: "00:00",
    endTime: "24:00",
  })),
  exceptions: [],
};

/** A business open every hour of every day, one 15-minute service, and an API key. */
async function seedBusiness(url: string) {
  const handle = await openDatabase({ url, poolMax: 2 });
  const { tenant } = await createTenant(
    handle.db,
    {
      slug: "proof",
      name: "Proof",
      timeZone: "Europe/Paris",
      locale: "en",
      ownerEmail: "owner@proof.test",
      ownerPassword: "proof-owner-password",
    },
    systemActor,
  );
  await replaceAvailability(handle.db, tenant, openAllDay, systemActor);
  const activity = await createActivity(
    handle.db,
    tenant,
    activityInputSchema.parse({ name: "Session", durationMinutes: 15, maxAdvanceDays: 400 }),
    systemActor,
  );
  const { secret } = await createApiKey(handle.db, tenant.id, { name: "proof" }, systemActor);
  await handle.close();
  return { slug: tenant.slug, activityId: activity.id, key: secret };
}

interface Business {
  slug: string;
  activityId: string;
  key: string;
}

/** Free starts the slots API offers over the next days, as booking targets. */
async function freeStarts(base: string, business: Business, days: number): Promise<string[]> {
  const today = dayInZone(Date.now(), "Europe/Paris");
  const answer = await send(
    base,
    `/api/appointments/availability/slots?activityId=${business.activityId}&startDate=${addDays(today, 1)}&endDate=${addDays(today, days)}`,
    { headers: { "x-tenant-slug": business.slug } },
  );
  const { slots } = JSON.parse(answer.text) as {
    slots: { dateTime: string; available: boolean }[];
  };
  return slots.filter((s) => s.available).map((s) => s.dateTime);
}

const book = (
  base: string,
  business: Business,
  dateTime: string,
  name = "Proof Client",
  staffId?: string,
  email = "client@proof.test",
) =>
  send(base, "/api/appointments", {
    method: "POST",
    headers: { "x-tenant-slug": business.slug, "content-type": "application/json" },
    body: JSON.stringify({
      activityId: business.activityId,
      staffId,
      dateTime,
      clientInfo: { name, email },
    }),
  });

// ---------------------------------------------------------------- the proofs

async function race(servers: Server[], business: Business) {
  const [slot] = await freeStarts(servers[0]?.base ?? "", business, 2);
  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      book(servers[i % servers.length]?.base ?? "", business, slot ?? ""),
    ),
  );
  const count = (test: (s: number) => boolean) => answers.filter((a) => test(a.status)).length;
  report(
    "race_201",
    count((s) => s === 201),
    count((s) => s === 201) === 1,
  );
  report(
    "race_409",
    count((s) => s === 409),
    count((s) => s === 409) === 199,
  );
  report(
    "race_5xx",
    count((s) => s >= 500),
    count((s) => s >= 500) === 0,
  );
}

/**
 * Three stylists: 200 "no preference" bookings of one time over both instances give exactly three
 * bookings, one per stylist; with two of them booked by name first, 200 more give exactly one.
 */
async function staffRace(servers: Server[], business: Business) {
  const [base = "", other = ""] = servers.map((s) => s.base);
  const admin = {
    "x-tenant-slug": business.slug,
    authorization: `Bearer ${business.key}`,
    "content-type": "application/json",
  };
  for (const name of ["Stylist A", "Stylist B"]) {
    const created = await send(base, "/api/staff", {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ name }),
    });
    if (created.status !== 201) throw new Error(`staff creation answered ${created.status}`);
  }
  const { staff } = JSON.parse((await send(base, "/api/staff", { headers: admin })).text) as {
    staff: { id: string }[];
  };
  const [, , first, second] = await freeStarts(base, business, 3);
  const racers = (dateTime: string) =>
    Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        book(servers[i % servers.length]?.base ?? "", business, dateTime, `Racer ${i}`),
      ),
    );
  const three = await racers(first ?? "");
  const won = three.filter((a) => a.status === 201);
  const stylists = new Set(won.map((a) => JSON.parse(a.text).appointment.staff.id));
  report(
    "staff_race_201",
    `${won.length} (${stylists.size} stylists of ${staff.length})`,
    won.length === 3 && stylists.size === 3 && staff.length === 3,
  );
  report(
    "staff_race_5xx",
    three.filter((a) => a.status >= 500).length,
    three.every((a) => a.status < 500),
  );
  // The last free stylist: the other two are booked by name, on each instance.
  await book(base, business, second ?? "", "By name", staff[0]?.id);
  await book(other, business, second ?? "", "By name", staff[1]?.id);
  const last = await racers(second ?? "");
  const lastWon = last.filter((a) => a.status === 201);
  report(
    "last_stylist_201",
    `${lastWon.length}, to ${lastWon.map((a) => (JSON.parse(a.text).appointment.staff.id === staff[2]?.id ? "the free one" : "someone busy")).join(", ")}`,
    lastWon.length === 1 &&
      JSON.parse(lastWon[0]?.text ?? "{}").appointment?.staff.id === staff[2]?.id,
  );
}

/** A 12-seat class: 100 bookings of its one session over both instances give exactly 12 seats. */
async function classRace(servers: Server[], business: Business) {
  const base = servers[0]?.base ?? "";
  const admin = {
    "x-tenant-slug": business.slug,
    authorization: `Bearer ${business.key}`,
    "content-type": "application/json",
  };
  const post = async (path: string, body: unknown) => {
    const answer = await send(base, path, {
      method: "POST",
      headers: admin,
      body: JSON.stringify(body),
    });
    if (answer.status !== 201) throw new Error(`${path} answered ${answer.status}: ${answer.text}`);
    return JSON.parse(answer.text);
  };
  const { activity } = await post("/api/appointments/activities", {
    name: "Yoga",
    durationMinutes: 60,
    capacity: 12,
  });
  const { staff } = JSON.parse((await send(base, "/api/staff", { headers: admin })).text) as {
    staff: { id: string }[];
  };
  const startsAt = `${addDays(dayInZone(Date.now(), "Europe/Paris"), 5)}T12:00:00`;
  const { classes } = await post("/api/classes", {
    activityId: activity.id,
    staffId: staff[0]?.id,
    startsAt,
  });
  const dateTime = classes[0].startsAt as string;
  const yoga = { ...business, activityId: activity.id };
  const answers = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      book(servers[i % servers.length]?.base ?? "", yoga, dateTime, `Yogi ${i}`),
    ),
  );
  const won = answers.filter((a) => a.status === 201);
  const seats = new Set(won.map((a) => JSON.parse(a.text).appointment.seat));
  report(
    "class_race_201",
    `${won.length} (seats ${Math.min(...seats)} to ${Math.max(...seats)}, ${seats.size} distinct)`,
    won.length === 12 && seats.size === 12 && Math.min(...seats) === 1 && Math.max(...seats) === 12,
  );
  const refused = answers.filter((a) => a.status === 409).length;
  report("class_race_409", refused, refused === 88);
  const errors = answers.filter((a) => a.status >= 500).length;
  report("class_race_5xx", errors, errors === 0);
}

async function sharedLimit(servers: Server[], business: Business) {
  const address = "198.19.0.1";
  const attempt = (server: Server | undefined) =>
    send(server?.base ?? "", "/api/appointments", {
      method: "POST",
      headers: {
        "x-forwarded-for": address,
        "x-tenant-slug": business.slug,
        "content-type": "application/json",
      },
      body: "{}",
    });
  for (let i = 0; i < 10; i++) await attempt(servers[0]);
  const second = await attempt(servers[1]);
  report("shared_booking_limit_on_instance_2", second.status, second.status === 429);
}

/** At least 1,000 requests an attacker would send, across every endpoint and page. */
function hostileCorpus(business: Business, appointmentId: string): RequestSpec[] {
  const strings = [
    "\u0000",
    "x\u0000y",
    "\\ud800",
    "\u202eevil",
    "'; DROP TABLE appointments; --",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../../../etc/passwd",
    "%00",
    "%ff%fe",
    "🧘‍♀️".repeat(100),
    "a".repeat(70_000),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell probe, sent as text
    "${jndi:ldap://x}",
    "{{7*7}}",
  ];
  const values: unknown[] = [
    ...strings,
    -1,
    0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    null,
    true,
    [],
    {},
    [[[]]],
  ];
  const dates = [
    "9999-12-31T23:59:59Z",
    "0000-01-01",
    "2026-02-30",
    "2026-13-01",
    "not a date",
    "1999-12-31",
    "2201-01-01",
    "",
  ];
  const key = { authorization: `Bearer ${business.key}`, "x-tenant-slug": business.slug };
  const json = { ...key, "content-type": "application/json" };
  const specs: RequestSpec[] = [];
  const bodyTargets: Array<[string, string, Record<string, string>]> = [
    [
      "POST",
      "/api/appointments",
      { "x-tenant-slug": business.slug, "content-type": "application/json" },
    ],
    ["POST", "/api/appointments/activities", json],
    ["PUT", `/api/appointments/activities/${business.activityId}`, json],
    ["PUT", "/api/appointments/availability", json],
    ["PATCH", `/api/appointments/${appointmentId}/status`, json],
    ["PUT", "/api/settings/appointment-module", json],
  ];
  const fields = [
    "name",
    "description",
    "activityId",
    "dateTime",
    "status",
    "enabled",
    "durationMinutes",
    "price",
    "weeklySlots",
    "exceptions",
  ];
  for (const [method, target, headers] of bodyTargets) {
    for (const value of values) {
      for (const field of fields.slice(0, 6)) {
        const body =
          field === "activityId" && target === "/api/appointments"
            ? {
                activityId: business.activityId,
                dateTime: value,
                clientInfo: { name: value, email: value },
              }
            : {
                [field]: value,
                clientInfo: { name: value, email: "a@b.co", phone: value, address: value },
              };
        specs.push({
          method,
          path: target,
          headers,
          body: JSON.stringify(body).replace('"\\\\ud800"', '"\\ud800"'),
        });
      }
    }
    for (const raw of [
      "",
      "{",
      "null",
      "[1,2]",
      `${"[".repeat(5000)}${"]".repeat(5000)}`,
      '{"a":1e999999}',
      '{"__proto__":{"x":1}}',
    ]) {
      specs.push({ method, path: target, headers, body: raw });
    }
    specs.push({
      method,
      path: target,
      headers: { ...headers, "content-type": "text/plain" },
      body: "{}",
    });
    specs.push({
      method,
      path: target,
      headers: { ...headers, "content-type": "application/xml" },
      body: "<a/>",
    });
    specs.push({ method, path: target, headers, body: new Uint8Array(200_000) });
    for (const field of fields) {
      specs.push({ method, path: target, headers, body: JSON.stringify({ [field]: "x\u0000" }) });
    }
  }
  const gets = [
    (d: string) =>
      `/api/appointments/availability/slots?activityId=${business.activityId}&startDate=${encodeURIComponent(d)}&endDate=${encodeURIComponent(d)}`,
    (d: string) => `/api/appointments?startDate=${encodeURIComponent(d)}`,
    (d: string) =>
      `/api/appointments/calendar?startDate=${encodeURIComponent(d)}&endDate=2026-12-31`,
    (d: string) => `/book/${business.activityId}/details?at=${encodeURIComponent(d)}`,
    (d: string) =>
      `/book/${business.activityId}?week=${encodeURIComponent(d)}&tz=${encodeURIComponent(d)}`,
    (d: string) => `/admin/appointments?from=${encodeURIComponent(d)}&q=${encodeURIComponent(d)}`,
  ];
  for (const make of gets) {
    for (const d of [...dates, ...strings.slice(0, 11)])
      specs.push({ method: "GET", path: make(d), headers: key });
  }
  const paths = [
    "/api/appointments/%ff%fe",
    "/api/appointments/..%2f..%2fetc%2fpasswd",
    "/api/../../etc/passwd",
    "/api/appointments/activities/%00",
    `/api/appointments/${"9".repeat(5000)}`,
    "/manage/%ff",
    `/manage/${"a".repeat(43)}`,
    `/manage/${"a".repeat(43)}/booking.ics`,
    "/book/%ff%fe",
    "/book/00000000-0000-0000-0000-000000000000",
    "/api/auth/session",
    "/api/auth/%ff",
    "/.env",
    "/wp-login.php",
    "/admin/activities/%ff",
    "/api/metrics",
    "/api/health/detailed",
  ];
  for (const p of paths) {
    for (const method of ["GET", "POST", "DELETE"]) specs.push({ method, path: p, headers: key });
  }
  specs.push({
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new Uint8Array(20 * 1024 * 1024),
  });
  return specs;
}

interface RequestSpec {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

async function corpus(server: Server, business: Business) {
  const [slot] = await freeStarts(server.base, business, 3);
  const booked = JSON.parse((await book(server.base, business, slot ?? "")).text);
  const specs = hostileCorpus(business, booked.appointment.id);
  const started = Date.now();
  let fiveHundreds = 0;
  let apiWithoutCode = 0;
  const examples: string[] = [];
  await pool(specs, 8, async (spec) => {
    const answer = await send(server.base, spec.path, {
      method: spec.method,
      headers: spec.headers,
      body: spec.method === "GET" ? undefined : spec.body,
    }).catch((error: Error) => ({ status: 599, type: "", text: error.message }));
    if (answer.status >= 500) {
      fiveHundreds++;
      examples.push(`${spec.method} ${spec.path.slice(0, 80)} -> ${answer.status}`);
    }
    // As sent: a client resolves dot segments, so /api/../x is not an API path.
    const sentPath = new URL(spec.path, server.base).pathname;
    if (sentPath.startsWith("/api/") && answer.status >= 400) {
      let code: unknown;
      try {
        code = JSON.parse(answer.text).code;
      } catch {}
      if (typeof code !== "string" || !answer.type.includes("json")) {
        apiWithoutCode++;
        examples.push(
          `${spec.method} ${spec.path.slice(0, 80)} -> ${answer.status} ${answer.type}`,
        );
      }
    }
  });
  report("hostile_requests", specs.length, specs.length >= 1000);
  report("hostile_seconds", ((Date.now() - started) / 1000).toFixed(1));
  report("hostile_5xx", fiveHundreds, fiveHundreds === 0);
  report("hostile_api_errors_without_json_code", apiWithoutCode, apiWithoutCode === 0);
  for (const example of examples.slice(0, 10)) console.log(`  ${example}`);

  // What is accepted is stored byte for byte.
  const names = [
    "Zoë O'Brien",
    "李小龙",
    "محمد",
    "🧘‍♀️ Yoga",
    "Tab\there",
    "Line\nbreak",
    "'; DROP TABLE appointments; --",
    "<script>alert(1)</script>",
    "e\u0301 combining",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  ];
  const starts = await freeStarts(server.base, business, 5);
  let exact = 0;
  for (const [i, name] of names.entries()) {
    const created = JSON.parse(
      (await book(server.base, business, starts[10 + i] ?? "", name)).text,
    );
    const read = JSON.parse(
      (
        await send(server.base, `/api/appointments/${created.appointment?.id}`, {
          headers: { authorization: `Bearer ${business.key}`, "x-tenant-slug": business.slug },
        })
      ).text,
    );
    if (read.appointment?.clientInfo?.name === name) exact++;
  }
  report("stored_strings_exact", `${exact}/${names.length}`, exact === names.length);
}

async function killAndRestart(label: string, server: Server, business: Business) {
  const targets = await freeStarts(server.base, business, 12);
  const created: string[] = [];
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (!killed && next < targets.length) {
      const answer = await book(server.base, business, targets[next++] ?? "").catch(() => null);
      if (answer?.status === 201) created.push(JSON.parse(answer.text).appointment.id);
    }
  };
  const load = Promise.all([worker(), worker(), worker(), worker()]);
  await new Promise((r) => setTimeout(r, 1500));
  killed = true;
  signal(server, "SIGKILL");
  await load;
  const restarted = startServer(server.port, server.env);
  const started = Date.now();
  await ready(restarted);
  report(`kill9_${label}_restart_seconds`, ((Date.now() - started) / 1000).toFixed(1));
  const health = await send(restarted.base, "/api/health");
  report(`kill9_${label}_restart_health`, health.status, health.status === 200);
  const headers = { authorization: `Bearer ${business.key}`, "x-tenant-slug": business.slug };
  let lost = 0;
  for (const id of created) {
    if ((await send(restarted.base, `/api/appointments/${id}`, { headers })).status !== 200) lost++;
  }
  const list = JSON.parse((await send(restarted.base, "/api/appointments", { headers })).text) as {
    appointments: { id: string; dateTime: string }[];
  };
  const counted = new Map<string, number>();
  for (const a of list.appointments) counted.set(a.id, (counted.get(a.id) ?? 0) + 1);
  const duplicated = created.filter((id) => (counted.get(id) ?? 0) !== 1).length;
  report(`kill9_${label}_booked_201`, created.length, created.length > 0);
  report(`kill9_${label}_lost`, lost, lost === 0);
  report(`kill9_${label}_not_exactly_once`, duplicated, duplicated === 0);
  return restarted;
}

type Inbox = Awaited<ReturnType<typeof startInbox>>;

/** Resolves once `count` messages have reached `address`, or rejects after `timeoutMs`. */
async function arrivals(inbox: Inbox, address: string, count: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (inbox.to(address).length < count) {
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return inbox.to(address);
}

/**
 * Both instances run the message workers on one PostgreSQL: bookings made on either are e-mailed
 * once each (customer and owner), none twice.
 */
async function messagesOnce(servers: Server[], business: Business, inbox: Inbox) {
  const targets = (await freeStarts(servers[0]?.base ?? "", business, 30)).slice(-40);
  const addresses = targets.map((_, i) => `mail-${i}@proof.test`);
  let booked = 0;
  await pool(
    targets.map((dateTime, i) => ({ dateTime, i })),
    8,
    async ({ dateTime, i }) => {
      const server = servers[i % servers.length] as Server;
      const answer = await book(server.base, business, dateTime, "Mail", undefined, addresses[i]);
      if (answer.status === 201) booked++;
    },
  );
  const received = (
    await Promise.all(addresses.map((address) => arrivals(inbox, address, 1)))
  ).flat();
  // A second copy would come from the other instance's pass right after: give it a few.
  await new Promise((r) => setTimeout(r, 3_000));
  const all = addresses.flatMap((address) => inbox.to(address));
  report("messages_two_instances_booked", booked, booked === targets.length);
  report("messages_two_instances_received", received.length, received.length === booked);
  const ids = all.map((m) => m.messageId);
  report(
    "messages_two_instances_duplicates",
    ids.length - new Set(ids).size,
    ids.length === new Set(ids).size && all.length === booked,
  );
}

/**
 * Stripe's events sent many times to both instances at once: a paid booking is confirmed once (one
 * event kept, one confirmation owed to the customer). And for another booking, "completed" and
 * "expired" racing on the two instances end in one of two whole states, confirmed and paid, or
 * released and refunded in full: never confirmed unpaid, never paid and pending.
 */
async function paymentsOnce(servers: Server[], business: Business, fake: FakeStripe, url: string) {
  const [first, second] = servers as [Server, Server];
  const created = await send(first.base, "/api/appointments/activities", {
    method: "POST",
    headers: {
      authorization: `Bearer ${business.key}`,
      "x-tenant-slug": business.slug,
      "content-type": "application/json",
    },
    body: JSON.stringify({
      name: "Paid session",
      durationMinutes: 15,
      price: 40,
      maxAdvanceDays: 400,
      payment: { rule: "full" },
    }),
  });
  const paid = { ...business, activityId: JSON.parse(created.text).activity.id as string };
  const starts = await freeStarts(first.base, paid, 3);
  const openSession = async (dateTime: string) => {
    const answer = await book(first.base, paid, dateTime, "Payer", undefined, "payer@proof.test");
    const { appointment } = JSON.parse(answer.text);
    const sessionId = String(appointment.payment.checkoutUrl).split("/pay/")[1] ?? "";
    return { id: appointment.id as string, session: fake.pay(sessionId) };
  };
  const deliver = (server: Server, delivery: { body: string; signature: string }) =>
    send(server.base, "/api/payments/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": delivery.signature },
      body: delivery.body,
    });
  const stateOf = async (id: string) => {
    const answer = await send(first.base, `/api/appointments/${id}`, {
      headers: { authorization: `Bearer ${business.key}`, "x-tenant-slug": business.slug },
    });
    const { appointment } = JSON.parse(answer.text);
    return { status: appointment.status as string, payment: appointment.payment };
  };
  const settled = async (id: string, done: (s: Awaited<ReturnType<typeof stateOf>>) => boolean) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const state = await stateOf(id);
      if (done(state) || Date.now() > deadline) return state;
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const once = await openSession(starts[0] ?? "");
  const event = fake.event("checkout.session.completed", once.session);
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, i) => deliver(i % 2 ? second : first, event)),
  );
  const state = await settled(once.id, (s) => s.status === "confirmed");
  report(
    "payments_webhook_deliveries_200",
    answers.filter((a) => a.status === 200).length,
    answers.every((a) => a.status === 200),
  );
  report(
    "payments_confirmed",
    `${state.status}/${state.payment?.status}`,
    state.status === "confirmed" && state.payment?.status === "paid",
  );
  const handle = await openDatabase({ url, poolMax: 1 });
  try {
    const [row] = await queryRows<{ events: number; confirmations: number }>(
      handle.db,
      sql`select (select count(*)::int from payment_events where id = ${event.id}) as events,
          (select count(*)::int from outbound_messages where appointment_id = ${once.id}
             and kind = 'booked' and recipient = 'customer') as confirmations`,
    );
    report("payments_events_kept", row?.events ?? -1, row?.events === 1);
    report("payments_confirmations_owed", row?.confirmations ?? -1, row?.confirmations === 1);
  } finally {
    await handle.close();
  }

  const raced = await openSession(starts[1] ?? "");
  const expired = fake.event("checkout.session.expired", { ...raced.session, status: "expired" });
  const completed = fake.event("checkout.session.completed", raced.session);
  await Promise.all([deliver(first, expired), deliver(second, completed)]);
  const end = await settled(
    raced.id,
    (s) =>
      (s.status === "confirmed" && s.payment?.status === "paid") ||
      (s.status === "cancelled" && s.payment?.status === "refunded"),
  );
  const whole =
    (end.status === "confirmed" && end.payment?.status === "paid") ||
    (end.status === "cancelled" && end.payment?.status === "refunded");
  const refunds = fake.refunds.filter((r) => r.payment_intent === raced.session.payment_intent);
  report("payments_race_outcome", `${end.status}/${end.payment?.status}`, whole);
  report(
    "payments_race_refunds",
    refunds.length,
    refunds.length === (end.status === "cancelled" ? 1 : 0),
  );
}

/**
 * kill -9 of the embedded server while its confirmation is on the wire (the SMTP server has the
 * message and has not said "accepted"): after the restart, it is sent again, and received once.
 */
async function killDuringSend(inbox: Inbox) {
  const { dataDir, key } = embeddedDatabase();
  const env = { DATA_DIR: dataDir, DATABASE_URL: "", SEED_DEMO: "0", SMTP_URL: inbox.url };
  const address = "stalled@proof.test";
  let stalled = () => {};
  const onWire = new Promise<void>((resolve) => {
    stalled = resolve;
  });
  inbox.state.stall = (mail) => [mail.to].flat().some((t) => t?.text.includes(address));
  inbox.state.onStall = () => stalled();
  const server = startServer(3314, env);
  let last = server;
  try {
    await ready(server);
    const business = await openForBooking(server, key);
    const [start] = await freeStarts(server.base, business, 3);
    const answer = await book(server.base, business, start ?? "", "Stalled", undefined, address);
    report("kill9_messages_booked", answer.status, answer.status === 201);
    await onWire;
    signal(server, "SIGKILL");
    await new Promise((resolve) => server.proc.once("exit", resolve));
    inbox.state.stall = undefined;
    last = startServer(3314, env);
    await ready(last);
    // Cut during its hand-off, it may have been delivered: it is flagged (tests/messages.test.ts
    // reads the flag), never sent again of itself. Waiting for something not to happen: a few
    // delivery passes' worth.
    await new Promise((r) => setTimeout(r, 3_000));
    const received = inbox.to(address).length;
    report("kill9_messages_resent", received, received === 0);
  } finally {
    inbox.state.stall = undefined;
    await stop(last);
  }
}

/** The server's resident memory, as it reports it in its metrics. */
/** Resident memory, and the part of it outside V8's heap that V8 was told of (WebAssembly's). */
async function memoryMb(server: Server) {
  const answer = await send(server.base, "/api/metrics", {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const mb = (name: string) =>
    Math.round(Number(new RegExp(`^${name} (\\d+)`, "m").exec(answer.text)?.[1]) / 1024 / 1024);
  return {
    rss: mb("rendezvous_process_resident_memory_bytes"),
    external: mb("rendezvous_nodejs_external_memory_bytes"),
  };
}

const rssMb = async (server: Server) => (await memoryMb(server)).rss;

async function flood(server: Server, business: Business) {
  const today = dayInZone(Date.now(), "Europe/Paris");
  report("flood_rss_before_mb", await rssMb(server));
  const ranges = Array.from({ length: 1200 }, (_, i) => addDays(today, i));
  let failed = 0;
  let peak = 0;
  let flooding = true;
  const sampling = (async () => {
    while (flooding) {
      peak = Math.max(peak, await rssMb(server));
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  await pool(ranges, 16, async (start) => {
    const answer = await send(
      server.base,
      `/api/appointments/availability/slots?activityId=${business.activityId}&startDate=${start}&endDate=${addDays(start, 91)}`,
      { headers: { "x-tenant-slug": business.slug } },
    );
    if (answer.status !== 200) failed++;
  });
  flooding = false;
  await sampling;
  report("flood_requests_not_200", failed);
  const after = await rssMb(server);
  report("flood_rss_after_mb", after, after < 500);
  report("flood_rss_peak_sampled_mb", Math.max(peak, after), Math.max(peak, after) < 500);
}

/** SIGTERM while requests are in flight: they all finish, then the server exits 0. */
async function gracefulShutdown(server: Server, business: Business) {
  const today = dayInZone(Date.now(), "Europe/Paris");
  const inFlight = Array.from({ length: 20 }, (_, i) =>
    send(
      server.base,
      `/api/appointments/availability/slots?activityId=${business.activityId}&startDate=${addDays(today, 500 + i)}&endDate=${addDays(today, 591 + i)}`,
      { headers: { "x-tenant-slug": business.slug } },
    ).catch(() => null),
  );
  await new Promise((r) => setTimeout(r, 50));
  const exited = new Promise<number | null>((resolve) => server.proc.once("exit", resolve));
  // The server alone, as a supervisor would signal it: npm then exits with its exit code.
  const listener = execFileSync("ss", ["-ltnpH", `sport = :${server.port}`], { encoding: "utf8" });
  process.kill(Number(/pid=(\d+)/.exec(listener)?.[1]), "SIGTERM");
  const answers = await Promise.all(inFlight);
  const completed = answers.filter((a) => a?.status === 200).length;
  report("sigterm_in_flight_completed", `${completed}/20`, completed === 20);
  const code = await exited;
  report("sigterm_exit_code", String(code), code === 0);
}

/** One sign-in attempt through next-auth's real endpoints (its CSRF pair first), from `address`. */
async function signInAttempt(server: Server, slug: string, address: string, email: string) {
  const csrf = await fetch(`${server.base}/api/auth/csrf`, {
    headers: { "x-forwarded-for": address, "x-tenant-slug": slug },
  });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return fetch(`${server.base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "x-forwarded-for": address,
      "x-tenant-slug": slug,
      "content-type": "application/x-www-form-urlencoded",
      cookie,
    },
    body: new URLSearchParams({
      csrfToken,
      email,
      password: `guess-${randomUUID()}`,
      json: "true",
    }),
  });
}

/** Thirty concurrent guesses at the owner's password from one address: five get checked. */
async function bruteForce(server: Server, business: Business) {
  const attempts = await Promise.all(
    Array.from({ length: 30 }, () =>
      signInAttempt(server, business.slug, "198.19.9.9", "owner@proof.test"),
    ),
  );
  const checked = attempts.filter((a) => a.status !== 429).length;
  report("signin_concurrent_guesses_checked", checked, checked <= 5);
}

/** Forty bookings from one address, each with a made-up API key: the address's limit holds. */
async function randomBearers(server: Server, business: Business) {
  const starts = await freeStarts(server.base, business, 20);
  const address = "198.19.8.8";
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      send(server.base, "/api/appointments", {
        method: "POST",
        headers: {
          "x-forwarded-for": address,
          "x-tenant-slug": business.slug,
          "content-type": "application/json",
          authorization: `Bearer rvz_${randomBytes(6).toString("hex")}_${randomBytes(32).toString("base64url")}`,
        },
        body: JSON.stringify({
          activityId: business.activityId,
          dateTime: starts[100 + i],
          clientInfo: { name: "Bearer Client", email: "bearer@proof.test" },
        }),
      }),
    ),
  );
  const passed = answers.filter((a) => a.status !== 429).length;
  report("bookings_with_random_bearer_passed_per_minute", passed, passed <= 10);
}

/** A request with its Host (or X-Forwarded-Host) as given: fetch would not send a Host of ours. */
function rawRequest(server: Server, path: string, headers: Record<string, string>, body: string) {
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port: server.port, method: "POST", path, headers },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Bookings naming a host that is not ours: refused, and no e-mail ever links to it. */
async function forgedHosts(server: Server, business: Business, inbox: Inbox) {
  const [start] = (await freeStarts(server.base, business, 20)).slice(-1);
  const forgeries: Record<string, string>[] = [
    { host: "evil.example" },
    { host: `evil.example:${server.port}` },
    { host: `127.0.0.1:${server.port}`, "x-forwarded-host": "evil.example" },
  ];
  let served = 0;
  for (const forged of forgeries) {
    const status = await rawRequest(
      server,
      "/api/appointments",
      {
        ...forged,
        "x-forwarded-for": nextAddress(),
        "x-tenant-slug": business.slug,
        "content-type": "application/json",
      },
      JSON.stringify({
        activityId: business.activityId,
        dateTime: start,
        clientInfo: { name: "Forged Host", email: "forged@proof.test" },
      }),
    );
    if (status !== 421) served++;
  }
  report("forged_host_requests_served", served, served === 0);
  const links = inbox.received.filter((m) => `${m.text}${m.html}`.includes("evil.example")).length;
  report("forged_host_links", links, links === 0);
}

// ---------------------------------------------------------------- memory

/**
 * Instances at default settings (heap, cache) under a hostile mix for MEMORY_MINUTES each: one on
 * PostgreSQL, and a fresh embedded one, whose PGlite (PostgreSQL compiled to WebAssembly) lives in
 * the same process and adds its own memory to the server's.
 */
async function memory(url: string, business: Business) {
  const onServer = startServer(3316, {
    DATABASE_URL: url,
    NEXTAUTH_SECRET: SECRET,
    SEED_DEMO: "0",
    REGISTRATION: "open",
  });
  await memoryRun("memory_postgres", onServer, business, 500, false);
  const { dataDir, key } = embeddedDatabase();
  const embedded = startServer(3315, { DATA_DIR: dataDir, DATABASE_URL: "", SEED_DEMO: "0" });
  // The embedded server also holds the database: PGlite's WebAssembly memory (about 150 MB, the
  // process's "external" memory), which lives in PostgreSQL's own processes otherwise. Its whole
  // peak is bounded at 650 MB (measured 543-577); beside the database, 500 MB as on PostgreSQL.
  await memoryRun("memory_embedded", embedded, undefined, 650, true, key);
}

/**
 * The mix, six requests at a time: sign-ups (zxcvbn's dictionaries, argon2), distinct 92-day slot
 * ranges (the cache), and the hostile corpus. Counts crashes and samples resident memory.
 */
async function memoryRun(
  name: string,
  server: Server,
  known: Business | undefined,
  boundMb: number,
  embedded: boolean,
  key = "",
) {
  const minutes = Number(process.env.MEMORY_MINUTES ?? (CI ? 1.5 : 10));
  let crashes = 0;
  server.proc.once("exit", () => {
    crashes++;
  });
  try {
    await ready(server);
    const business = known ?? (await openForBooking(server, key));
    const slot = (await freeStarts(server.base, business, 30)).at(-1);
    const booked = JSON.parse((await book(server.base, business, slot ?? "")).text);
    const specs = hostileCorpus(business, booked.appointment.id);
    const today = dayInZone(Date.now(), "Europe/Paris");
    const deadline = Date.now() + minutes * 60_000;
    let peak = 0;
    let peakBesideDatabase = 0;
    let requests = 0;
    let n = 0;
    const running = () => Date.now() < deadline && crashes === 0;
    const sampling = (async () => {
      while (running()) {
        const now = await memoryMb(server).catch(() => ({ rss: 0, external: 0 }));
        peak = Math.max(peak, now.rss);
        peakBesideDatabase = Math.max(peakBesideDatabase, now.rss - (embedded ? now.external : 0));
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    const worker = async (w: number) => {
      while (running()) {
        const i = n++;
        const kind = i % 20;
        if (kind === 0) {
          await send(server.base, "/api/public/register", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              businessName: `Memory ${w}-${i}`,
              ownerName: "Memory Owner",
              email: `owner-${randomUUID()}@memory.test`,
              password: `lantern-${randomUUID()}`,
              timeZone: "Europe/Paris",
              locale: i % 40 ? "en" : "fr",
            }),
          }).catch(() => null);
        } else if (kind < 8) {
          const start = addDays(today, (i * 7) % 3000);
          await send(
            server.base,
            `/api/appointments/availability/slots?activityId=${business.activityId}&startDate=${start}&endDate=${addDays(start, 91)}`,
            { headers: { "x-tenant-slug": business.slug } },
          ).catch(() => null);
        } else {
          const spec = specs[i % specs.length] as (typeof specs)[number];
          await send(server.base, spec.path, {
            method: spec.method,
            headers: spec.headers,
            body: spec.method === "GET" ? undefined : spec.body,
          }).catch(() => null);
        }
        requests++;
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, w) => worker(w)));
    await sampling;
    report(`${name}_minutes`, minutes);
    report(`${name}_requests`, requests);
    report(`${name}_crashes`, crashes, crashes === 0);
    report(`${name}_peak_rss_mb`, peak, peak > 0 && peak < boundMb);
    if (embedded) {
      report(`${name}_peak_rss_beside_database_mb`, peakBesideDatabase, peakBesideDatabase < 500);
    }
  } finally {
    await stop(server);
  }
}

// ---------------------------------------------------------------- main

async function main() {
  if (process.env.PROOF_SKIP_BUILD !== "1") {
    execFileSync(NEXT, ["build"], { stdio: "ignore" });
  }
  const url = await proofDatabase("rendezvous_proof");
  const business = await seedBusiness(url);
  const inbox = await startInbox();
  const fake = await startFakeStripe({ webhookSecret: STRIPE_WEBHOOK_SECRET });
  const env = {
    DATABASE_URL: url,
    NEXTAUTH_SECRET: SECRET,
    SEED_DEMO: "0",
    SMTP_URL: inbox.url,
    STRIPE_SECRET_KEY: "sk_test_proof",
    STRIPE_WEBHOOK_SECRET,
    STRIPE_API_BASE: fake.url,
    STRIPE_DIRECT: "1",
  };
  const servers = [startServer(3311, env), startServer(3312, env)];
  try {
    await Promise.all(servers.map((s) => ready(s)));
    if (runs("race", true)) {
      await race(servers, business);
      await staffRace(servers, business);
      await classRace(servers, business);
      await sharedLimit(servers, business);
    }
    if (runs("corpus", true)) await corpus(servers[0] as Server, business);
    if (runs("messages", true)) {
      await messagesOnce(servers, business, inbox);
      await killDuringSend(inbox);
    }
    if (runs("payments", true)) await paymentsOnce(servers, business, fake, url);
    if (runs("flood")) await flood(servers[1] as Server, business);
    if (runs("bruteforce", true)) await bruteForce(servers[1] as Server, business);
    if (runs("bearer", true)) await randomBearers(servers[1] as Server, business);
    if (runs("hosts", true)) await forgedHosts(servers[1] as Server, business, inbox);
    if (runs("kill9"))
      servers[0] = await killAndRestart("postgres", servers[0] as Server, business);
    if (runs("sigterm")) await gracefulShutdown(servers[1] as Server, business);
    if (runs("kill9-embedded")) await killAndRestartEmbedded();
    if (runs("memory", true)) await memory(url, business);
  } finally {
    await Promise.all(servers.map(stop));
    await inbox.close();
    await fake.close();
  }
  if (failures.length) {
    console.error(`proof failed: ${failures.join("; ")}`);
    process.exit(1);
  }
  console.log("proof: every promise held");
}

/** A new embedded database with a business and its API key, made with the CLI. */
function embeddedDatabase() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "rendezvous-proof-"));
  const cli = (...args: string[]) =>
    execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/cli.ts", ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
      encoding: "utf8",
    });
  cli(
    ...["tenant", "create", "--slug", "proof", "--name", "Proof", "--timezone", "Europe/Paris"],
    ...["--locale", "en", "--owner-email", "owner@proof.test"],
    ...["--owner-password", "proof-owner-password"],
  );
  const key =
    cli("apikey", "create", "--tenant", "proof", "--name", "proof").trim().split("\n").at(-1) ?? "";
  return { dataDir, key };
}

/** Opens the business all day with one service, through the API of the server running it. */
async function openForBooking(server: Server, key: string): Promise<Business> {
  const headers = {
    authorization: `Bearer ${key}`,
    "x-tenant-slug": "proof",
    "content-type": "application/json",
  };
  await send(server.base, "/api/appointments/availability", {
    method: "PUT",
    headers,
    body: JSON.stringify(openAllDay),
  });
  const created = await send(server.base, "/api/appointments/activities", {
    method: "POST",
    headers,
    body: JSON.stringify({ name: "Session", durationMinutes: 15, maxAdvanceDays: 400 }),
  });
  return { slug: "proof", activityId: JSON.parse(created.text).activity.id, key };
}

async function killAndRestartEmbedded() {
  const { dataDir, key } = embeddedDatabase();
  const server = startServer(3313, { DATA_DIR: dataDir, DATABASE_URL: "", SEED_DEMO: "0" });
  let last = server;
  try {
    await ready(server);
    last = await killAndRestart("embedded", server, await openForBooking(server, key));
  } finally {
    await stop(last);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
