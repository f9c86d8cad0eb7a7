import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { revokeApiKey } from "@/lib/api-keys/api-keys";
import { systemActor } from "@/lib/audit/record-audit";
import type { Permission } from "@/lib/auth/authenticate";
import { requireAdmin } from "@/lib/auth/require-admin";
import { businessOfAccountElsewhere, verifyCredentials } from "@/lib/auth/verify-credentials";
import { AppError } from "@/lib/errors/app-error";
import { apiRequest, seedTenant, sessionCookie } from "./helpers/fixtures";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";

describe.each(engines)("requireAdmin on %s", (engine) => {
  let handle: TestDatabase;
  let a: Awaited<ReturnType<typeof seedTenant>>;
  let b: Awaited<ReturnType<typeof seedTenant>>;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    a = await seedTenant(handle.db);
    b = await seedTenant(handle.db);
  });
  afterAll(() => handle.close());

  const codeOf = async (headers: Record<string, string>, permission: Permission = "manage") => {
    try {
      await requireAdmin(handle.db, a.tenant, apiRequest(headers), permission);
      return "OK";
    } catch (error) {
      if (error instanceof AppError) return `${error.status} ${error.code}`;
      throw error;
    }
  };

  it("refuses a request without credentials with 401", async () => {
    expect(await codeOf({})).toBe("401 UNAUTHORIZED");
    expect(await codeOf({ authorization: "Basic dXNlcjpwYXNz" })).toBe("401 UNAUTHORIZED");
  });

  it("accepts the tenant's owner session and API key with full rights", async () => {
    const caller = await requireAdmin(
      handle.db,
      a.tenant,
      apiRequest({ cookie: await sessionCookie(a.owner, a.tenant) }),
    );
    expect(caller).toMatchObject({
      kind: "user",
      id: a.owner.id,
      role: "owner",
      tenantId: a.tenant.id,
    });
    const keyCaller = await requireAdmin(
      handle.db,
      a.tenant,
      apiRequest({ authorization: `Bearer ${a.apiKey}` }),
    );
    expect(keyCaller).toMatchObject({ kind: "api_key", role: "admin", tenantId: a.tenant.id });
  });

  it("refuses another tenant's session and API key with 403", async () => {
    expect(await codeOf({ cookie: await sessionCookie(b.owner, b.tenant) })).toBe("403 FORBIDDEN");
    expect(await codeOf({ authorization: `Bearer ${b.apiKey}` })).toBe("403 FORBIDDEN");
  });

  it("lets staff read and change appointments but not manage the business", async () => {
    const cookie = await sessionCookie(a.staff, a.tenant);
    expect(await codeOf({ cookie }, "read")).toBe("OK");
    expect(await codeOf({ cookie }, "appointments")).toBe("OK");
    expect(await codeOf({ cookie }, "manage")).toBe("403 FORBIDDEN");
  });

  it("refuses unknown, malformed, tampered and revoked keys with 401", async () => {
    expect(await codeOf({ authorization: "Bearer nonsense" })).toBe("401 UNAUTHORIZED");
    const tampered = `${a.apiKey.slice(0, -3)}${a.apiKey.endsWith("AAA") ? "BBB" : "AAA"}`;
    expect(await codeOf({ authorization: `Bearer ${tampered}` })).toBe("401 UNAUTHORIZED");

    const other = await seedTenant(handle.db);
    await revokeApiKey(handle.db, other.tenant.id, { id: other.apiKeyId }, systemActor);
    await expect(
      requireAdmin(
        handle.db,
        other.tenant,
        apiRequest({ authorization: `Bearer ${other.apiKey}` }),
      ),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses a forged or foreign-secret session cookie with 401", async () => {
    const cookie = await sessionCookie(a.owner, a.tenant);
    const forged = cookie.replace(/.{6}$/, "AAAAAA");
    expect(await codeOf({ cookie: forged })).toBe("401 UNAUTHORIZED");
  });

  it("stops honouring a session as soon as its user is removed", async () => {
    const other = await seedTenant(handle.db);
    const cookie = await sessionCookie(other.staff, other.tenant);
    await handle.db.delete(users).where(eq(users.id, other.staff.id));
    await expect(
      requireAdmin(handle.db, other.tenant, apiRequest({ cookie }), "read"),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("verifies passwords within the tenant only, case-insensitively on email", async () => {
    const ok = await verifyCredentials(
      handle.db,
      a.tenant,
      a.owner.email.toUpperCase(),
      "owner-password",
    );
    expect(ok?.id).toBe(a.owner.id);
    expect(
      await verifyCredentials(handle.db, a.tenant, a.owner.email, "wrong-password"),
    ).toBeNull();
    expect(
      await verifyCredentials(handle.db, b.tenant, a.owner.email, "owner-password"),
    ).toBeNull();
  });

  it("tells the one other business of an account only to who knows its password", async () => {
    const email = a.owner.email.toUpperCase();
    // Signing in on b with a's owner: the address and password open an account at a.
    expect(await businessOfAccountElsewhere(handle.db, b.tenant, email, "owner-password")).toBe(
      a.tenant.slug,
    );
    // A wrong password, an unknown address, or the business's own account: nothing is said.
    expect(await businessOfAccountElsewhere(handle.db, b.tenant, email, "guess")).toBeNull();
    expect(
      await businessOfAccountElsewhere(handle.db, b.tenant, "nobody@x.test", "owner-password"),
    ).toBeNull();
    expect(
      await businessOfAccountElsewhere(handle.db, a.tenant, email, "owner-password"),
    ).toBeNull();
  });
});
