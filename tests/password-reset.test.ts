import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboundMessages, type Tenant, tenants, users, userTokens } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { smtpMailer } from "@/lib/mail/mailer";
import { deliverDue } from "@/lib/messages/deliver";
import { RESET_LINK_MINUTES } from "@/lib/users/link-lifetimes";
import { requestPasswordReset, resetPassword } from "@/lib/users/password-reset";
import { seedTenant } from "./helpers/fixtures";
import { startInbox } from "./helpers/smtp-inbox";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";

const MINUTE = 60_000;

describe.each(engines)("password reset on %s", (engine) => {
  let handle: TestDatabase;
  let inbox: Awaited<ReturnType<typeof startInbox>>;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    inbox = await startInbox();
  });
  afterAll(async () => {
    await inbox.close();
    await handle.close();
  });

  async function business() {
    const biz = await seedTenant(handle.db);
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.id, biz.tenant.id));
    return { biz, tenant: tenant as Tenant };
  }
  const link = (token: string) => `http://localhost:3390/reset-password/${token}`;
  const tokenOf = (text: string | undefined) =>
    /reset-password\/([\w-]+)/.exec(text ?? "")?.[1] ?? "";
  const userOf = async (email: string) => {
    const [user] = await handle.db.select().from(users).where(eq(users.email, email));
    return user as NonNullable<typeof user>;
  };

  it("mails a single-use link to an account's address, keeps no copy of it, and sets the password once", async () => {
    const { biz, tenant } = await business();
    const now = new Date();
    const email = biz.owner.email;
    expect(
      await requestPasswordReset(handle.db, tenant, email.toUpperCase(), now, link),
    ).toHaveLength(1);
    await deliverDue(handle.db, {
      now,
      mailer: smtpMailer(inbox.url),
      from: "Rendezvous <r@test>",
    });
    const [mail] = inbox.to(email);
    const token = tokenOf(mail?.text);
    expect(token).toHaveLength(43);
    expect(mail?.subject).toContain("Choisir un nouveau mot de passe");

    // Neither the token nor the link is kept: a hash, and a copy of the message without it.
    const tokens = await handle.db
      .select()
      .from(userTokens)
      .where(eq(userTokens.tenantId, tenant.id));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.tokenHash).not.toContain(token);
    const [kept] = await handle.db
      .select()
      .from(outboundMessages)
      .where(
        and(eq(outboundMessages.tenantId, tenant.id), eq(outboundMessages.kind, "password_reset")),
      );
    expect(kept?.status).toBe("sent");
    expect(`${kept?.textBody}${kept?.htmlBody}${JSON.stringify(kept?.payload)}`).not.toContain(
      token,
    );

    const before = await userOf(email);
    await resetPassword(
      handle.db,
      tenant,
      token,
      "a brand new password",
      new Date(now.getTime() + MINUTE),
    );
    const after = await userOf(email);
    expect(await verifyPassword(after.passwordHash, "a brand new password")).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    await expect(
      resetPassword(
        handle.db,
        tenant,
        token,
        "another password",
        new Date(now.getTime() + 2 * MINUTE),
      ),
    ).rejects.toMatchObject({ code: "LINK_INVALID" });
  });

  it("answers alike for an unknown address, and refuses an expired, replaced or foreign link", async () => {
    const { biz, tenant } = await business();
    const other = await business();
    const now = new Date();
    expect(await requestPasswordReset(handle.db, tenant, "nobody@example.com", now, link)).toEqual(
      [],
    );
    // An address of another business has no account here.
    expect(await requestPasswordReset(handle.db, tenant, other.biz.owner.email, now, link)).toEqual(
      [],
    );

    const first = await requestPasswordReset(handle.db, tenant, biz.staff.email, now, link);
    const second = await requestPasswordReset(handle.db, tenant, biz.staff.email, now, link);
    const tokenIn = (owed: typeof first) => tokenOf(owed[0]?.payload.link ?? "");
    const late = new Date(now.getTime() + (RESET_LINK_MINUTES + 1) * MINUTE);
    for (const [token, at, tenantOf] of [
      [tokenIn(first), now, tenant],
      [tokenIn(second), late, tenant],
      [tokenIn(second), now, other.tenant],
    ] as const) {
      await expect(
        resetPassword(handle.db, tenantOf, token, "new password 1", at),
      ).rejects.toMatchObject({
        code: "LINK_INVALID",
      });
    }
    await resetPassword(handle.db, tenant, tokenIn(second), "new password 2", now);
    expect(
      await verifyPassword((await userOf(biz.staff.email)).passwordHash, "new password 2"),
    ).toBe(true);
  });
});
