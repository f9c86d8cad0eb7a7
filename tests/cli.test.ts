import { execFile, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { tenants, users } from "@/db/schema";
import { findApiKeyBySecret } from "@/lib/api-keys/api-keys";
import { verifyPassword } from "@/lib/auth/password";
import { findTenantBySlug } from "@/lib/tenants/find-tenant";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";

const run = promisify(execFile);

const flags = (options: Record<string, string>) =>
  Object.entries(options).flatMap(([name, value]) => [`--${name}`, value]);

/** `tenant create` with valid arguments, but for the ones given. */
const tenantCreate = (overrides: Record<string, string> = {}) => [
  "tenant",
  "create",
  ...flags({
    slug: "ok",
    name: "N",
    timezone: "Europe/Paris",
    locale: "fr",
    "owner-email": "a@b.test",
    "owner-password": "long-enough",
    ...overrides,
  }),
];

/** `user create` for the atelier business with valid arguments, but for the ones given. */
const userCreate = (overrides: Record<string, string> = {}) => [
  "user",
  "create",
  ...flags({
    tenant: "atelier",
    email: "x@y.test",
    password: "long-enough",
    role: "staff",
    ...overrides,
  }),
];
const tsx = path.resolve("node_modules/.bin/tsx");

describe.each(engines)("operator CLI on %s", (engine) => {
  let pg: TestDatabase | undefined;
  let childEnv: NodeJS.ProcessEnv;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "rv-cli-"));
    const base = { PATH: process.env.PATH, SEED_DEMO: "0", NODE_ENV: "test" as const };
    if (engine === "postgres") {
      pg = await createTestDatabase("postgres");
      childEnv = {
        ...base,
        DATABASE_URL: pg.url,
        NEXTAUTH_SECRET: "cli-test-secret-0123456789abcdefgh",
      };
    } else {
      childEnv = { ...base, DATA_DIR: dataDir };
    }
  });
  afterAll(() => pg?.close());

  async function cli(...args: string[]) {
    try {
      const { stdout, stderr } = await run(tsx, ["scripts/cli.ts", ...args], {
        env: childEnv as NodeJS.ProcessEnv,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  /** Opens the CLI's database from the test (PGlite only once the CLI has exited). */
  async function inspect<T>(read: (db: DatabaseHandle["db"]) => Promise<T>): Promise<T> {
    const handle = pg ?? (await openDatabase({ dataDir: path.join(dataDir, "pglite") }));
    try {
      return await read(handle.db);
    } finally {
      if (!pg) await handle.close();
    }
  }

  it("creates a tenant with its owner, a user and an API key that authenticates", async () => {
    const created = await cli(
      ...tenantCreate({
        slug: "atelier",
        name: "L'Atelier",
        "owner-email": "chef@atelier.test",
        "owner-password": "s3cret-pass",
      }),
    );
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout + created.stderr).not.toContain("s3cret-pass");

    const user = await cli(...userCreate({ email: "aide@atelier.test", password: "another-pass" }));
    expect(user.code).toBe(0);

    const key = await cli("apikey", "create", "--tenant", "atelier", "--name", "Zapier");
    expect(key.code).toBe(0);
    const secret = key.stdout.trim().split("\n").at(-1) ?? "";
    expect(secret).toMatch(/^rvz_\S+$/);

    const [tenant, apiKey, roles] = await inspect(async (db) => {
      const tenant = await findTenantBySlug(db, "atelier");
      return [
        tenant,
        await findApiKeyBySecret(db, secret),
        (await db.select().from(users)).map((u) => u.role).sort(),
      ];
    });
    expect(tenant).toMatchObject({ name: "L'Atelier", timeZone: "Europe/Paris", locale: "fr" });
    expect(apiKey?.tenantId).toBe(tenant?.id);
    expect(apiKey?.scope).toBe("write");
    expect(roles).toEqual(["owner", "staff"]);

    const reader = await cli("apikey", "create", "--tenant", "atelier", "--scope", "read");
    expect(reader.stdout).toContain("created read-only API key");
    const readSecret = reader.stdout.trim().split("\n").at(-1) ?? "";
    const readKey = await inspect((db) => findApiKeyBySecret(db, readSecret));
    expect(readKey?.scope).toBe("read");
    expect(
      (await cli("apikey", "create", "--tenant", "atelier", "--scope", "admin")).code,
    ).not.toBe(0);
  });

  it("reads a password left off the command line from stdin, and never prints it", async () => {
    const args = tenantCreate({ slug: "piped", "owner-email": "chef@piped.test" }).filter(
      (arg, i, all) => arg !== "--owner-password" && all[i - 1] !== "--owner-password",
    );
    const child = spawn(tsx, ["scripts/cli.ts", ...args], { env: childEnv });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.stdin.end("piped-secret-pass\n");
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(output).toContain("created tenant piped");
    expect(output).not.toContain("piped-secret-pass");
    const tenant = await inspect((db) => findTenantBySlug(db, "piped"));
    const owner = await inspect(async (db) =>
      (await db.select().from(users)).find((u) => u.tenantId === tenant?.id),
    );
    expect(await verifyPassword(owner?.passwordHash ?? "", "piped-secret-pass")).toBe(true);
  });

  it("answers bad arguments with one line on stderr, exit code 2 and nothing created", async () => {
    const cases = [
      ["tenant", "create", "--slug", "x"],
      tenantCreate({ timezone: "Nowhere/City" }),
      tenantCreate({ timezone: "UTC", locale: "de", "owner-email": "not-an-email" }),
      userCreate({ tenant: "nope" }),
      userCreate({ role: "boss" }),
      ["apikey", "create"],
      ["apikey", "create", "--tenant", "atelier", "--unknown", "1"],
      ["frobnicate"],
    ];
    // Only the unknown-tenant case reaches the database, so they can all run at once.
    const results = await Promise.all(cases.map((args) => cli(...args)));
    for (const [i, result] of results.entries()) {
      const args = cases[i] ?? [];
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(result.stderr).toMatch(/^error: /);
    }
    const slugs = await inspect(async (db) => (await db.select().from(tenants)).map((t) => t.slug));
    expect(slugs.sort()).toEqual(["atelier", "piped"]);
  });
});

describe("operator CLI on the embedded database", () => {
  it("refuses to open it while another process holds it", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "rv-cli-lock-"));
    const holder = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
    try {
      const { code, stderr } = await run(
        tsx,
        ["scripts/cli.ts", "apikey", "create", "--tenant", "x"],
        {
          env: { PATH: process.env.PATH, DATA_DIR: dataDir, NODE_ENV: "test" },
        },
      ).then(
        () => ({ code: 0, stderr: "" }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(code).toBe(2);
      expect(stderr).toMatch(/in use by process \d+/);
      // Arguments are checked before the database is opened, so a mistake is named even then.
      const bad = await run(
        tsx,
        ["scripts/cli.ts", ...tenantCreate({ timezone: "Nowhere/City" })],
        {
          env: { PATH: process.env.PATH, DATA_DIR: dataDir, NODE_ENV: "test" },
        },
      ).then(
        () => ({ code: 0, stderr: "" }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/timeZone/);
    } finally {
      await holder.close();
    }
  });
});
