import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireAdmin } from "@/lib/auth/require-admin";
import { endSessions } from "@/lib/auth/sessions";
import type { AppError } from "@/lib/errors/app-error";
import { apiRequest, seedTenant, sessionCookie } from "./helpers/fixtures";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";

describe.each(engines)("sessions on %s", (engine) => {
  let handle: TestDatabase;
  let biz: Awaited<ReturnType<typeof seedTenant>>;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    biz = await seedTenant(handle.db);
  });
  afterAll(() => handle.close());

  const outcome = (headers: Record<string, string>, method = "GET") =>
    requireAdmin(handle.db, biz.tenant, apiRequest(headers, method), "appointments").then(
      (caller) => caller.kind,
      (error: AppError) => error.code,
    );

  it("ends every session of a user at once, whatever cookie is still around", async () => {
    const before = await sessionCookie({ ...biz.staff, sessionVersion: 0 }, biz.tenant);
    expect(await outcome({ cookie: before })).toBe("user");
    await endSessions(handle.db, biz.tenant.id, biz.staff.id);
    expect(await outcome({ cookie: before })).toBe("UNAUTHORIZED");
    // Signing in again gives a cookie of the new version.
    const after = await sessionCookie({ ...biz.staff, sessionVersion: 1 }, biz.tenant);
    expect(await outcome({ cookie: after })).toBe("user");
  });

  it("refuses a cookie-authenticated change sent by another site", async () => {
    const cookie = await sessionCookie(biz.owner, biz.tenant);
    expect(await outcome({ cookie, origin: "https://evil.example" }, "POST")).toBe("FORBIDDEN");
    expect(await outcome({ cookie, origin: "https://evil.example" }, "DELETE")).toBe("FORBIDDEN");
    expect(await outcome({ cookie, origin: "null" }, "PATCH")).toBe("FORBIDDEN");
    expect(await outcome({ cookie, origin: "http://localhost:3000" }, "POST")).toBe("user");
    // No Origin: not a browser's cross-site request. Reading changes nothing. A key is no cookie.
    expect(await outcome({ cookie }, "POST")).toBe("user");
    expect(await outcome({ cookie, origin: "https://evil.example" })).toBe("user");
    expect(
      await outcome(
        { authorization: `Bearer ${biz.apiKey}`, origin: "https://evil.example" },
        "POST",
      ),
    ).toBe("api_key");
  });
});
