import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { systemActor } from "@/lib/audit/record-audit";
import type { Caller } from "@/lib/auth/authenticate";
import { verifyPassword } from "@/lib/auth/password";
import { toAppError } from "@/lib/errors/to-app-error";
import { createUser } from "@/lib/users/create-user";
import { changeOwnAccount, changeRole, removeMember, resetPassword } from "@/lib/users/team";
import { seedTenant } from "./helpers/fixtures";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";

describe.each(engines)("the team on %s", (engine) => {
  let handle: TestDatabase;
  let biz: Awaited<ReturnType<typeof seedTenant>>;
  let owner: Caller;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    biz = await seedTenant(handle.db);
    owner = { kind: "user", id: biz.owner.id, tenantId: biz.tenant.id, role: "owner", label: "o" };
  });
  afterAll(() => handle.close());

  const row = async (id: string) =>
    (
      await handle.db
        .select()
        .from(users)
        .where(and(eq(users.tenantId, biz.tenant.id), eq(users.id, id)))
    )[0];
  const member = (email: string, role: "staff" | "admin" | "owner" = "staff") =>
    createUser(handle.db, biz.tenant.id, { email, password: "member-pass", role }, systemActor);
  const codeOf = (work: Promise<unknown>) =>
    work.then(
      () => "OK",
      (error) => toAppError(error).code,
    );

  it("lets an owner change a role and reset a password, ending that member's sessions", async () => {
    const anna = await member("anna@team.test");
    await changeRole(handle.db, owner, anna.id, "admin");
    expect(await row(anna.id)).toMatchObject({ role: "admin", sessionVersion: 1 });
    await resetPassword(handle.db, owner, anna.id, "a-new-long-password");
    const after = await row(anna.id);
    expect(after?.sessionVersion).toBe(2);
    expect(await verifyPassword(after?.passwordHash ?? "", "a-new-long-password")).toBe(true);
    expect(await codeOf(resetPassword(handle.db, owner, anna.id, "short"))).toBe(
      "VALIDATION_ERROR",
    );
  });

  it("lets only owners run the team, never on themselves, never leaving it without an owner", async () => {
    const bob = await member("bob@team.test", "admin");
    const admin: Caller = { ...owner, id: bob.id, role: "admin" };
    expect(await codeOf(changeRole(handle.db, admin, biz.staff.id, "admin"))).toBe("FORBIDDEN");
    expect(await codeOf(removeMember(handle.db, owner, owner.id))).toBe("FORBIDDEN");
    // Two owners demoting each other at once: the second finds no other owner left.
    const carol = await member("carol@team.test", "owner");
    const staleCarol: Caller = { ...owner, id: carol.id };
    await changeRole(handle.db, staleCarol, owner.id, "staff");
    expect(await codeOf(changeRole(handle.db, owner, carol.id, "staff"))).toBe("LAST_OWNER");
    await changeRole(handle.db, staleCarol, owner.id, "owner");
  });

  it("removes a member", async () => {
    const dan = await member("dan@team.test");
    await removeMember(handle.db, owner, dan.id);
    expect(await row(dan.id)).toBeUndefined();
    expect(await codeOf(removeMember(handle.db, owner, dan.id))).toBe("NOT_FOUND");
  });

  it("changes one's own e-mail and password with the current password only", async () => {
    const eve = await member("eve@team.test");
    const me: Caller = { ...owner, id: eve.id, role: "staff" };
    const change = (currentPassword: string, email: string, newPassword = "") =>
      changeOwnAccount(handle.db, me, { currentPassword, email, newPassword });
    expect(await codeOf(change("wrong", "eve2@team.test"))).toBe("WRONG_PASSWORD");
    expect(await codeOf(change("member-pass", "anna@team.test"))).toBe("CONFLICT");
    await change("member-pass", "Eve2@Team.test", "eve-new-password");
    const after = await row(eve.id);
    expect(after).toMatchObject({ email: "eve2@team.test", sessionVersion: 1 });
    expect(await verifyPassword(after?.passwordHash ?? "", "eve-new-password")).toBe(true);
  });
});
