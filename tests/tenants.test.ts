import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { apiKeys, auditLog, tenants, users } from "@/db/schema";
import { createApiKey, findApiKeyBySecret } from "@/lib/api-keys/api-keys";
import { systemActor } from "@/lib/audit/record-audit";
import { createTenant } from "@/lib/signup/create-tenant";
import { createUser } from "@/lib/users/create-user";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";

const input = {
  slug: "maison",
  name: "Maison",
  timeZone: "Europe/Paris",
  locale: "fr" as const,
  ownerEmail: "Owner@Maison.test",
  ownerPassword: "correct horse",
};

describe.each(engines)("tenants, users and keys on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle.close());

  it("creates a business with its owner, hashing the password with argon2id", async () => {
    const { tenant, owner } = await createTenant(handle.db, input, systemActor);
    expect(tenant).toMatchObject({
      slug: "maison",
      currency: "EUR",
      appointmentModuleEnabled: true,
    });
    expect(owner).toMatchObject({ email: "owner@maison.test", role: "owner" });
    expect(owner).not.toHaveProperty("passwordHash");
    const [stored] = await handle.db.select().from(users).where(eq(users.id, owner.id));
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.passwordHash).not.toContain("correct horse");
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.tenantId, tenant.id));
    expect(audit.map((e) => e.action).sort()).toEqual(["tenant.create", "user.create"]);
    expect(JSON.stringify(audit)).not.toContain("correct horse");
  });

  it("refuses a taken slug and leaves nothing half-created", async () => {
    await expect(
      createTenant(handle.db, { ...input, ownerEmail: "other@maison.test" }, systemActor),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { slug: { text: "slugTaken" } } });
    const [count] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from users where email = 'other@maison.test'`,
    );
    expect(count?.n).toBe(0);
  });

  it("validates every field before writing anything", async () => {
    const bad = { ...input, slug: "Bad Slug!", timeZone: "Mars/Olympus", locale: "de" as "fr" };
    await expect(createTenant(handle.db, bad, systemActor)).rejects.toThrow(/slug|timeZone|locale/);
    const rows = await handle.db.select().from(tenants).where(eq(tenants.name, "Maison"));
    expect(rows).toHaveLength(1);
  });

  it("keeps emails unique per business, whatever their case", async () => {
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.slug, "maison"));
    if (!tenant) throw new Error("missing tenant");
    await expect(
      createUser(
        handle.db,
        tenant.id,
        { email: "OWNER@maison.test", password: "whatever1", role: "staff" },
        systemActor,
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("stores only a hash of an API key, which finds the key back", async () => {
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.slug, "maison"));
    if (!tenant) throw new Error("missing tenant");
    const { apiKey, secret } = await createApiKey(
      handle.db,
      tenant.id,
      { name: "CRM" },
      systemActor,
    );
    expect(secret).toMatch(/^rvz_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret.slice(17));
    expect((await findApiKeyBySecret(handle.db, secret))?.id).toBe(apiKey.id);
  });
});
