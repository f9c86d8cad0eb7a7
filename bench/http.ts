// The benchmarks' HTTP side: app instances started on a database, measured with autocannon.
import { type ChildProcess, execSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import autocannon from "autocannon";
import { addDays, zonedInstant } from "@/lib/scheduling/calendar-day";
import { TZ } from "./seed";

export const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = 10;
const SECRET = randomBytes(32).toString("hex");

export interface Instance {
  base: string;
  server: ChildProcess;
  /** Resident memory of the instance's processes, in MB. */
  rssMb(): number;
  stop(): void;
}

/**
 * The last build, started as deployed (`npm start`: its heap and allocator settings) on `port` and
 * on the database at `url`, once it answers.
 */
export async function startInstance(
  url: string,
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<Instance> {
  const server = spawn("npm", ["start", "--", "-p", String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      // Instances on one database share their sessions' secret, as a deployment's do.
      NEXTAUTH_SECRET: SECRET,
      SEED_DEMO: "0",
      DB_POOL_MAX: "20",
      // The load comes from one address: far over any visitor's limits.
      RATE_LIMIT_PUBLIC: "1000000",
      RATE_LIMIT_BOOKING: "1000000",
      RATE_LIMIT_API: "1000000",
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const instance: Instance = {
    base,
    server,
    rssMb: () => {
      const kb = execSync(`ps -o rss= -g ${server.pid}`, { encoding: "utf8" })
        .split("\n")
        .reduce((sum, line) => sum + (Number(line.trim()) || 0), 0);
      return Math.round(kb / 1024);
    },
    // The server may have exited already (a bad configuration says why on its own line).
    stop: () => {
      if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
    },
  };
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error("the server exited");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return instance;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  instance.stop();
  throw new Error("the server did not start");
}

/**
 * Runs `work` on two instances of the build on the database at `url`, on `port` and the next: one
 * as deployed, one computing every availability request afresh (`SLOTS_CACHE=off`: what the first
 * visitor after a booking is served). Stops both after.
 */
export async function withInstances<T>(
  url: string,
  port: number,
  work: (cached: Instance, uncached: Instance) => Promise<T>,
): Promise<T> {
  const started: Instance[] = [];
  try {
    const cached = await startInstance(url, port);
    started.push(cached);
    const uncached = await startInstance(url, port + 1, { SLOTS_CACHE: "off" });
    started.push(uncached);
    return await work(cached, uncached);
  } finally {
    for (const instance of started) instance.stop();
  }
}

export interface Measure {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** CPU time per request of the app's processes and of PostgreSQL's, in milliseconds. */
  appCpuMs: number;
  databaseCpuMs: number;
}

const TICK_MS = 10;

/**
 * CPU time used so far by the app servers and by PostgreSQL's processes, in milliseconds, from
 * /proc (the benchmark's machine runs nothing else of either). Throughput is shared by whatever
 * runs beside it; CPU time per request is what a server of any size divides its cores by.
 */
function cpuMs(): { app: number; database: number } {
  const used = { app: 0, database: 0 };
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ms = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    if (name.startsWith("next-server")) used.app += ms;
    else if (name === "postgres") used.database += ms;
  }
  return used;
}

export async function measure(name: string, options: autocannon.Options): Promise<Measure> {
  // A short warm-up first, so that compilation and connection set-up are not measured.
  await autocannon({ ...options, duration: 2, amount: undefined });
  const before = cpuMs();
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  const after = cpuMs();
  const perRequest = (ms: number) =>
    Math.round((ms / Math.max(1, result.requests.total)) * 100) / 100;
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    appCpuMs: perRequest(after.app - before.app),
    databaseCpuMs: perRequest(after.database - before.database),
  };
}

/** The slots query of an activity over `days` days from `startDate`. */
export const slotsPath = (activityId: string, startDate: string, days: number) =>
  `/api/appointments/availability/slots?activityId=${activityId}&startDate=${startDate}&endDate=${addDays(startDate, days - 1)}`;

/**
 * `amount` bookings of an activity, each at a distinct free start (14:00-21:45 is never seeded),
 * from the day after `today` on; `offset` skips starts an earlier run took.
 */
export function bookingRequests(
  base: string,
  activityId: string,
  slug: string,
  today: string,
  { amount = 5000, offset = 0 } = {},
): autocannon.Options {
  let next = offset;
  const freeStart = (n: number) =>
    new Date(
      zonedInstant(addDays(today, 1 + Math.floor(n / 32)), 14 * 60 + (n % 32) * 15, TZ),
    ).toISOString();
  return {
    url: `${base}/api/appointments`,
    method: "POST",
    headers: { "x-tenant-slug": slug, "content-type": "application/json" },
    amount,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            activityId,
            dateTime: freeStart(next++),
            clientInfo: { name: "Bench", email: "bench@example.com" },
          }),
        }),
      },
    ],
  };
}

/** Two decimals. */
export const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
