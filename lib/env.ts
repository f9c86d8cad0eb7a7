import { getHeapStatistics } from "node:v8";
import { z } from "zod";

// Empty strings count as "not set", as most shells and .env files produce them for blank values.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const flag = (fallback: boolean) =>
  z
    .preprocess(
      (v) => (v === "" || v === undefined ? undefined : String(v).toLowerCase()),
      z.enum(["1", "0", "true", "false", "yes", "no"]).optional(),
    )
    .transform((v) => (v === undefined ? fallback : ["1", "true", "yes"].includes(v)));

const perMinute = (fallback: number) =>
  optional(z.coerce.number().int().min(1).max(1_000_000)).default(fallback);

const schema = z
  .object({
    DATABASE_URL: optional(
      z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }),
    ),
    DATA_DIR: optional(z.string()).default("./.data"),
    DB_POOL_MAX: optional(z.coerce.number().int().min(1).max(200)).default(10),
    NEXTAUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters long")),
    APP_ROOT_DOMAIN: optional(
      z
        .string()
        .regex(/^[a-z0-9.-]+(:\d+)?$/i, "must be a host name such as rendezvous.example.com"),
    ),
    DEFAULT_TENANT: optional(z.string().regex(/^[a-z0-9-]+$/, "must be a tenant slug")),
    SEED_DEMO: flag(true),
    NEXTAUTH_URL: optional(z.url({ protocol: /^https?$/ })),
    // The public origin links are built on (NEXTAUTH_URL's when unset).
    APP_URL: optional(z.url({ protocol: /^https?$/ })),
    TRUST_PROXY: flag(false),
    RATE_LIMIT_SIGNIN: perMinute(5),
    RATE_LIMIT_BOOKING: perMinute(10),
    RATE_LIMIT_PUBLIC: perMinute(100),
    RATE_LIMIT_API: perMinute(1000),
    // Sign-ups per client address per hour (the web form and the API together).
    RATE_LIMIT_REGISTER: perMinute(10),
    REGISTRATION: optional(z.enum(["open", "closed"])),
    METRICS_TOKEN: optional(z.string().min(16, "must be at least 16 characters long")),
    // Unset: an eighth of the heap (see cacheBudget).
    CACHE_MAX_MB: optional(z.coerce.number().min(1).max(4096)),
    // Off: every slots request is computed afresh (what the first visitor after a booking pays).
    SLOTS_CACHE: optional(z.enum(["on", "off"])).default("on"),
    SMTP_URL: optional(
      z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }),
    ),
    MAIL_FROM: optional(z.string().min(3)),
    JOBS: optional(z.enum(["on", "off"])).default("on"),
    STRIPE_SECRET_KEY: optional(
      z.string().regex(/^(sk|rk)_(test|live)_\w+$/, "must be a Stripe secret key (sk_…)"),
    ),
    STRIPE_WEBHOOK_SECRET: optional(
      z.string().regex(/^whsec_\w+$/, "must be a Stripe webhook signing secret (whsec_…)"),
    ),
    // Where the SDK sends its requests: Stripe's API unless a local stand-in is named (tests).
    STRIPE_API_BASE: optional(z.url({ protocol: /^https?$/ })),
    STRIPE_DIRECT: flag(false),
    // Webhooks may be sent to loopback and private addresses (tests, a receiver on the same host).
    WEBHOOKS_ALLOW_PRIVATE: flag(false),
    LOG_LEVEL: optional(z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"])),
    NODE_ENV: optional(z.enum(["development", "production", "test"])).default("development"),
  })
  .superRefine((value, ctx) => {
    if (!value.STRIPE_SECRET_KEY !== !value.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: [value.STRIPE_SECRET_KEY ? "STRIPE_WEBHOOK_SECRET" : "STRIPE_SECRET_KEY"],
        message: "is required with the other Stripe key: payments are confirmed by the webhook",
      });
    }
    if (value.DATABASE_URL && !value.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message:
          "is required when DATABASE_URL is set (generate one with `openssl rand -base64 32`)",
      });
    }
  })
  .transform((value) => {
    const embedded = !value.DATABASE_URL;
    return {
      databaseUrl: value.DATABASE_URL,
      embedded,
      dataDir: value.DATA_DIR,
      dbPoolMax: value.DB_POOL_MAX,
      nextAuthSecret: value.NEXTAUTH_SECRET,
      appRootDomain: value.APP_ROOT_DOMAIN?.toLowerCase(),
      // The demo tenant is the default only where it is seeded: the embedded database.
      defaultTenant: value.DEFAULT_TENANT ?? (embedded && value.SEED_DEMO ? "demo" : undefined),
      seedDemo: embedded && value.SEED_DEMO,
      nodeEnv: value.NODE_ENV,
      // https when the public URL is: HSTS is sent only then.
      publicHttps: (value.APP_URL ?? value.NEXTAUTH_URL)?.startsWith("https:") ?? false,
      appUrl: value.APP_URL ?? value.NEXTAUTH_URL,
      trustProxy: value.TRUST_PROXY,
      rateLimits: {
        signIn: value.RATE_LIMIT_SIGNIN,
        booking: value.RATE_LIMIT_BOOKING,
        public: value.RATE_LIMIT_PUBLIC,
        api: value.RATE_LIMIT_API,
        register: value.RATE_LIMIT_REGISTER,
      },
      // Anyone may sign a business up: by default on the embedded database (one machine, trying
      // the product), never by default on a server database, whose operator opens it knowingly.
      registrationOpen: (value.REGISTRATION ?? (embedded ? "open" : "closed")) === "open",
      metricsToken: value.METRICS_TOKEN,
      cacheMaxBytes: cacheBudget(value.CACHE_MAX_MB),
      slotsCache: value.SLOTS_CACHE === "on",
      // No SMTP server: messages are stored in the outbox, for the dashboard to show.
      smtpUrl: value.SMTP_URL,
      mailFrom: value.MAIL_FROM ?? "Rendezvous <no-reply@rendezvous.invalid>",
      // Off: this instance queues jobs but runs none (another process runs the workers).
      jobs: value.JOBS === "on",
      // Both keys or none: with none, services cannot ask for payment. Direct: a single-business
      // install whose businesses are paid on the platform's own account, not a connected one.
      stripe: value.STRIPE_SECRET_KEY
        ? {
            secretKey: value.STRIPE_SECRET_KEY,
            webhookSecret: value.STRIPE_WEBHOOK_SECRET as string,
            apiBase: value.STRIPE_API_BASE,
            // Where customers pay: Stripe's Checkout, or the stand-in's own page.
            checkoutOrigin: value.STRIPE_API_BASE
              ? new URL(value.STRIPE_API_BASE).origin
              : "https://checkout.stripe.com",
            direct: value.STRIPE_DIRECT,
          }
        : null,
      webhooksAllowPrivate: value.WEBHOOKS_ALLOW_PRIVATE,
      logLevel: value.LOG_LEVEL ?? (value.NODE_ENV === "test" ? "silent" : "info"),
    };
  });

/**
 * The caches' bytes: CACHE_MAX_MB, else an eighth of the V8 heap this process may use
 * (MAX_HEAP_MB), so that a smaller heap gets a smaller cache and the caches can never crowd out
 * the requests' own memory.
 */
function cacheBudget(megabytes: number | undefined): number {
  if (megabytes !== undefined) return megabytes * 1024 * 1024;
  return Math.floor(getHeapStatistics().heap_size_limit / 8);
}

export type Env = z.output<typeof schema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")} ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** Forgets the configuration read, for tests that change the environment. */
export function rereadEnv(): void {
  cached = undefined;
}

/** The configuration, read once from the process environment. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
