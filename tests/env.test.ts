import { getHeapStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("defaults to the embedded database with the demo business as default tenant", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      embedded: true,
      dataDir: "./.data",
      defaultTenant: "demo",
      seedDemo: true,
      dbPoolMax: 10,
    });
    expect(env.databaseUrl).toBeUndefined();
  });

  it("has no default tenant and never seeds with DATABASE_URL", () => {
    const env = parseEnv({
      DATABASE_URL: "postgres://u:p@db:5432/app",
      NEXTAUTH_SECRET: "x".repeat(32),
    });
    expect(env).toMatchObject({ embedded: false, defaultTenant: undefined, seedDemo: false });
  });

  it("requires a session secret with DATABASE_URL", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://u:p@db/app" })).toThrow(
      /NEXTAUTH_SECRET is required when DATABASE_URL is set/,
    );
  });

  it("explains a bad value by variable name", () => {
    expect(() =>
      parseEnv({ DATABASE_URL: "mysql://db/app", NEXTAUTH_SECRET: "x".repeat(32) }),
    ).toThrow(/DATABASE_URL must be a postgres/);
    expect(() => parseEnv({ DB_POOL_MAX: "many" })).toThrow(/DB_POOL_MAX/);
    expect(() => parseEnv({ SEED_DEMO: "maybe" })).toThrow(/SEED_DEMO/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrow(
      /NEXTAUTH_SECRET must be at least 32/,
    );
  });

  it("honours SEED_DEMO=0, DEFAULT_TENANT and blank values", () => {
    expect(parseEnv({ SEED_DEMO: "0" })).toMatchObject({
      seedDemo: false,
      defaultTenant: undefined,
    });
    expect(parseEnv({ DEFAULT_TENANT: "acme" }).defaultTenant).toBe("acme");
    expect(parseEnv({ DATABASE_URL: "", DATA_DIR: "" })).toMatchObject({
      embedded: true,
      dataDir: "./.data",
    });
  });

  it("reads the rate limits, proxy trust, metrics token and cache budget, with their defaults", () => {
    expect(parseEnv({})).toMatchObject({
      rateLimits: { signIn: 5, booking: 10, public: 100, api: 1000 },
      trustProxy: false,
      metricsToken: undefined,
      // An eighth of this process's heap limit.
      cacheMaxBytes: Math.floor(getHeapStatistics().heap_size_limit / 8),
      publicHttps: false,
    });
    expect(
      parseEnv({
        RATE_LIMIT_SIGNIN: "50",
        RATE_LIMIT_BOOKING: "1000",
        RATE_LIMIT_PUBLIC: "100000",
        RATE_LIMIT_API: "7",
        TRUST_PROXY: "1",
        CACHE_MAX_MB: "8",
        NEXTAUTH_URL: "https://book.example",
      }),
    ).toMatchObject({
      rateLimits: { signIn: 50, booking: 1000, public: 100000, api: 7 },
      trustProxy: true,
      cacheMaxBytes: 8 * 1024 * 1024,
      publicHttps: true,
    });
    expect(() => parseEnv({ RATE_LIMIT_BOOKING: "lots" })).toThrow(/RATE_LIMIT_BOOKING/);
    expect(() => parseEnv({ RATE_LIMIT_API: "0" })).toThrow(/RATE_LIMIT_API/);
    expect(() => parseEnv({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN must be at least 16/);
  });

  it("stores messages without SMTP_URL, runs the job workers unless JOBS=off", () => {
    expect(parseEnv({})).toMatchObject({ smtpUrl: undefined, jobs: true });
    expect(parseEnv({ SMTP_URL: "smtp://u:p@mail.example:587", JOBS: "off" })).toMatchObject({
      smtpUrl: "smtp://u:p@mail.example:587",
      jobs: false,
    });
    expect(() => parseEnv({ SMTP_URL: "https://mail.example" })).toThrow(
      /SMTP_URL must be an smtp/,
    );
    expect(() => parseEnv({ JOBS: "maybe" })).toThrow(/JOBS/);
  });

  it("takes Stripe's two keys together, or none (no payments)", () => {
    expect(parseEnv({}).stripe).toBeNull();
    expect(
      parseEnv({ STRIPE_SECRET_KEY: "sk_live_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" }).stripe,
    ).toEqual({
      secretKey: "sk_live_abc",
      webhookSecret: "whsec_abc",
      apiBase: undefined,
      checkoutOrigin: "https://checkout.stripe.com",
      direct: false,
    });
    expect(() => parseEnv({ STRIPE_SECRET_KEY: "sk_live_abc" })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => parseEnv({ STRIPE_WEBHOOK_SECRET: "whsec_abc" })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() =>
      parseEnv({ STRIPE_SECRET_KEY: "pk_live_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" }),
    ).toThrow(/STRIPE_SECRET_KEY must be a Stripe secret key/);
  });
});
