// Operator CLI: npm run cli -- <command>. Works on DATABASE_URL, or on the embedded database in
// DATA_DIR while the server is not running.
import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { ZodError, z } from "zod";
import type { Database } from "@/db/client";
import { apiKeyScopes } from "@/db/enums";
import { EnvError } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { zodDetails } from "@/lib/errors/zod-details";
import { createUserSchema } from "@/lib/users/schema";

// What each command needs is imported when it runs: loading every module took ~6 s, which a
// mistyped command should not wait for.
const database = () => import("@/db/client");
const audit = async () => (await import("@/lib/audit/record-audit")).systemActor;
const findTenant = async (db: Database, slug: string) =>
  (await import("@/lib/tenants/find-tenant")).getTenantBySlug(db, slug);

const USAGE = `usage: npm run cli -- <command>
  tenant create --slug S --name N --timezone TZ --locale fr|en --owner-email E [--owner-password P] [--currency EUR]
  user create --tenant S --email E [--password P] --role owner|admin|staff [--name N]
  A password left out is asked for without echo, or read from the first line of piped stdin.
  apikey create --tenant S [--name N] [--scope write|read]
                                           prints the new key alone on the last line
  apikey revoke --tenant S --prefix P
  demo seed                                  creates the demo business if it is missing`;

const HINT = " (npm run cli -- help for usage)";

class UsageError extends Error {}

type Options = Record<string, string | undefined>;

function required<const N extends string>(
  options: Options,
  names: readonly N[],
): Record<N, string> {
  const missing = names.filter((n) => !options[n]);
  if (missing.length) throw new UsageError(`missing ${missing.map((n) => `--${n}`).join(", ")}`);
  return options as Record<N, string>;
}

const optionNames = [
  "slug",
  "name",
  "timezone",
  "locale",
  "currency",
  "owner-email",
  "owner-password",
  "owner-name",
  "tenant",
  "email",
  "password",
  "role",
  "prefix",
  "scope",
] as const;

type Task = (db: Database) => Promise<string>;

/**
 * A password the command line left out, so that it never shows in the shell's history or in
 * npm's echo of the command: asked for without echo on a terminal, else stdin's first line.
 */
async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  }
  process.stderr.write(prompt);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: silent, terminal: true });
  try {
    return await reader.question("");
  } finally {
    reader.close();
    process.stderr.write("\n");
  }
}

/** Checks a command's arguments, before any database is opened, and returns the work to do. */
async function prepare(command: string, options: Options): Promise<Task> {
  switch (command) {
    case "tenant create": {
      const o = required(options, ["slug", "name", "timezone", "locale", "owner-email"]);
      const password = options["owner-password"] ?? (await readSecret("Owner's password: "));
      const { createTenant, createTenantSchema } = await import("@/lib/signup/create-tenant");
      const input = createTenantSchema.parse({
        slug: o.slug,
        name: o.name,
        timeZone: o.timezone,
        locale: o.locale,
        currency: options.currency,
        ownerEmail: o["owner-email"],
        ownerPassword: password,
        ownerName: options["owner-name"],
      });
      return async (db) => {
        const { tenant, owner } = await createTenant(db, input, await audit());
        return `created tenant ${tenant.slug} (${tenant.id}) with owner ${owner.email}`;
      };
    }
    case "user create": {
      const o = required(options, ["tenant", "email", "role"]);
      const password = options.password ?? (await readSecret("Password: "));
      const input = createUserSchema.parse({ ...o, password, name: options.name });
      return async (db) => {
        const tenant = await findTenant(db, o.tenant);
        const { createUser } = await import("@/lib/users/create-user");
        const user = await createUser(db, tenant.id, input, await audit());
        return `created ${user.role} ${user.email} (${user.id}) in ${tenant.slug}`;
      };
    }
    case "apikey create": {
      const o = required(options, ["tenant"]);
      const scope = z.enum(apiKeyScopes).default("write").parse(options.scope);
      return async (db) => {
        const tenant = await findTenant(db, o.tenant);
        const { createApiKey } = await import("@/lib/api-keys/api-keys");
        const { apiKey, secret } = await createApiKey(
          db,
          tenant.id,
          { name: options.name, scope },
          await audit(),
        );
        return `created ${apiKey.scope === "read" ? "read-only " : ""}API key "${apiKey.name}" (prefix ${apiKey.prefix}) for ${tenant.slug}; it is shown only once:\n${secret}`;
      };
    }
    case "apikey revoke": {
      const o = required(options, ["tenant", "prefix"]);
      return async (db) => {
        const tenant = await findTenant(db, o.tenant);
        const { revokeApiKey } = await import("@/lib/api-keys/api-keys");
        await revokeApiKey(db, tenant.id, { prefix: o.prefix }, await audit());
        return `revoked API key ${o.prefix} of ${tenant.slug}`;
      };
    }
    case "demo seed":
      return async (db) => {
        const { DEMO, seedDemo } = await import("@/lib/demo/seed");
        return (await seedDemo(db))
          ? `created demo business "${DEMO.name}": sign in as ${DEMO.ownerEmail} / ${DEMO.ownerPassword}`
          : `demo business "${DEMO.slug}" already exists`;
      };
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: Object.fromEntries(optionNames.map((n) => [n, { type: "string" as const }])),
  });
  const command = positionals.join(" ");
  if (command === "help" || command === "") {
    console.log(USAGE);
    if (command === "") process.exitCode = 2;
    return;
  }
  const task = await prepare(command, values as Options);
  const [{ openDatabase }, { appDatabaseOptions }] = await Promise.all([
    database(),
    import("@/lib/db"),
  ]);
  const handle = await openDatabase({ ...appDatabaseOptions(), poolMax: 2, lockWaitMs: 0 });
  try {
    console.log(await task(handle.db));
  } finally {
    await handle.close();
  }
}

async function explain(error: unknown): Promise<{ message: string; code: number }> {
  if (error instanceof UsageError) return { message: `${error.message}${HINT}`, code: 2 };
  if (error instanceof ZodError) {
    const details = Object.entries(zodDetails(error)).map(([k, v]) => `${k}: ${v}`);
    return { message: `invalid arguments: ${details.join("; ")}`, code: 2 };
  }
  if (error instanceof AppError) {
    const details = Object.entries(error.details ?? {}).map(([k, v]) => `${k}: ${v}`);
    const text: Record<string, string> = {
      TENANT_NOT_FOUND: "no business with this slug",
      NOT_FOUND: "not found",
      CONFLICT: "already exists",
    };
    return {
      message: details.length ? details.join("; ") : (text[error.code] ?? error.code),
      code: 2,
    };
  }
  if (
    error instanceof TypeError &&
    "code" in error &&
    String(error.code).startsWith("ERR_PARSE_ARGS")
  ) {
    return { message: `${error.message.split(".")[0]}${HINT}`, code: 2 };
  }
  const { DatabaseLockedError } = await database();
  if (error instanceof EnvError || error instanceof DatabaseLockedError) {
    return { message: error.message, code: 2 };
  }
  return { message: error instanceof Error ? error.message : String(error), code: 1 };
}

main(process.argv.slice(2)).catch(async (error) => {
  const { message, code } = await explain(error);
  console.error(`error: ${message}`);
  process.exit(code);
});
