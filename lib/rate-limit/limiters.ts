import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { env } from "@/lib/env";

/** The limits, each counted per client key in a window of `seconds`. */
export type LimitName =
  | "signIn"
  | "signInPair"
  | "signInAccount"
  | "booking"
  | "public"
  | "api"
  | "register";

export type LimitPoints = Record<"signIn" | "booking" | "public" | "api" | "register", number>;

const windows: Record<LimitName, number> = {
  signIn: 60,
  signInPair: 86_400,
  signInAccount: 86_400,
  booking: 60,
  public: 60,
  api: 60,
  register: 3600,
};

/** Where a key stands in its limit's window: what the X-RateLimit-* headers say. */
export interface LimitState {
  limit: LimitName;
  points: number;
  /** Points counted in the window, this request's included (may exceed `points`). */
  consumed: number;
  remaining: number;
  /** Epoch milliseconds at which the window resets. */
  resetAt: number;
  allowed: boolean;
}

export type Limiters = Record<LimitName, RateLimiterDrizzle>;

/**
 * One limiter per limit, all counting in the database's `rate_limits` table (one atomic upsert a
 * call), so that every instance sharing the database shares the counts.
 */
export function createLimiters(db: Database, points: LimitPoints): Limiters {
  const make = (name: LimitName, limit: number) =>
    new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: name,
      points: limit,
      duration: windows[name],
    });
  return {
    signIn: make("signIn", points.signIn),
    // Failures in a day of one client address at one account, and at one account from anywhere:
    // four minutes' worth (see lib/auth/sign-in-limits.ts for how each applies).
    signInPair: make("signInPair", points.signIn * 4),
    signInAccount: make("signInAccount", points.signIn * 4),
    booking: make("booking", points.booking),
    public: make("public", points.public),
    api: make("api", points.api),
    register: make("register", points.register),
  };
}

// Per database handle (tests open several); per process, whichever bundle asks first.
const globalStore = globalThis as typeof globalThis & {
  __rendezvousLimiters?: WeakMap<Database, Limiters>;
};

/** The app's limiters on its database, with the limits the environment configures. */
export function limitersFor(db: Database): Limiters {
  globalStore.__rendezvousLimiters ??= new WeakMap();
  let limiters = globalStore.__rendezvousLimiters.get(db);
  if (!limiters) {
    limiters = createLimiters(db, env().rateLimits);
    globalStore.__rendezvousLimiters.set(db, limiters);
  }
  return limiters;
}

function stateOf(limiter: RateLimiterDrizzle, limit: LimitName, res: RateLimiterRes | null) {
  const consumed = res?.consumedPoints ?? 0;
  return {
    limit,
    points: limiter.points,
    consumed,
    remaining: Math.max(limiter.points - consumed, 0),
    resetAt: Date.now() + (res && res.msBeforeNext > 0 ? res.msBeforeNext : windows[limit] * 1000),
    allowed: consumed <= limiter.points,
  };
}

/** Counts one request of `key` against a limit. */
export async function consume(limiters: Limiters, limit: LimitName, key: string) {
  const limiter = limiters[limit];
  try {
    return stateOf(limiter, limit, await limiter.consume(key));
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return stateOf(limiter, limit, rejection);
    throw rejection;
  }
}

/** Gives back points `consume` took (an attempt that turned out right, or was never made). */
export async function refund(limiters: Limiters, limit: LimitName, key: string) {
  await limiters[limit].reward(key, 1);
}

/** Counts failures of `key` (a made-up API key), refused or not. */
export async function penalize(limiters: Limiters, limit: LimitName, key: string, points = 1) {
  await limiters[limit].penalty(key, Math.max(1, Math.round(points)));
}

/** The headers of a limited response, for the tightest of the limits that applied. */
export function rateLimitHeaders(state: LimitState): Record<string, string> {
  const headers: Record<string, string> = {
    "X-RateLimit-Limit": String(state.points),
    "X-RateLimit-Remaining": String(state.remaining),
    "X-RateLimit-Reset": String(Math.ceil(state.resetAt / 1000)),
  };
  if (!state.allowed) {
    headers["Retry-After"] = String(Math.max(1, Math.ceil((state.resetAt - Date.now()) / 1000)));
  }
  return headers;
}

/** The state that binds: a refused one first, else the one with the fewest requests left. */
export const tightest = (states: LimitState[]): LimitState =>
  states.reduce((a, b) =>
    a.allowed !== b.allowed ? (a.allowed ? b : a) : b.remaining < a.remaining ? b : a,
  );
