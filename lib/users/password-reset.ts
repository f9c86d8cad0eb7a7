import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type Tenant, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth";
import type { OwedMessage } from "@/lib/outbox";
import { RESET_LINK_MINUTES } from "./link-lifetimes";
import { sendUserLink, spendUserLink } from "./user-links";

/**
 * Sends a user of this business a link to choose a new password, if the address is one of its
 * users; otherwise does nothing, and the caller answers the same, so that nobody learns which
 * addresses have accounts. Returns the message owed, for the caller to wake the workers.
 */
export async function requestPasswordReset(
  db: Database,
  tenant: Tenant,
  email: string,
  now: Date,
  linkFor: (token: string) => string,
): Promise<OwedMessage[]> {
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenant.id),
        sql`lower(${users.email}) = ${email.trim().toLowerCase()}`,
      ),
    );
  if (!user) return [];
  return db.transaction((tx) =>
    sendUserLink(tx, {
      tenantId: tenant.id,
      user,
      purpose: "password_reset",
      lifetimeMs: RESET_LINK_MINUTES * 60_000,
      now,
      linkFor,
    }),
  );
}

/**
 * Sets a new password with a reset link's token: once, before it expires, for this business's
 * user only. Every session of the user ends (a thief signed in with the old one is out).
 */
export async function resetPassword(
  db: Database,
  tenant: Tenant,
  token: string,
  password: string,
  now: Date,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const link = await spendUserLink(tx, tenant.id, token, "password_reset", now);
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.tenantId, tenant.id), eq(users.id, link.userId)));
    await recordAudit(
      tx,
      tenant.id,
      { type: "user", id: link.userId, label: "password reset" },
      {
        action: "user.password_reset",
        entityType: "user",
        entityId: link.userId,
      },
    );
  });
}
