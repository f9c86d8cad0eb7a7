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
});
