import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type Tenant, users, userTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { sha256Hex } from "@/lib/crypto/sha256";
import { AppError } from "@/lib/errors/app-error";
import { type OwedMessage, writeOwed } from "@/lib/messages/owe";

/** How long a reset link works. */
export const RESET_LINK_MINUTES = 60;

/**
 * Sends a user of this business a link to choose a new password, if the address is one of its
 * users; otherwise does nothing, and the caller answers the same, so that nobody learns which
 * addresses have accounts. A new link replaces any earlier one still unused. Returns the message
 * owed, for the caller to wake the workers.
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
  const token = randomBytes(32).toString("base64url");
  return db.transaction(async (tx) => {
    await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(userTokens.tenantId, tenant.id),
          eq(userTokens.userId, user.id),
          eq(userTokens.purpose, "password_reset"),
          isNull(userTokens.usedAt),
        ),
      );
    await tx.insert(userTokens).values({
      tenantId: tenant.id,
      userId: user.id,
      purpose: "password_reset",
      tokenHash: sha256Hex(token),
      expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
    });
    return writeOwed(tx, tenant.id, null, [
      {
        kind: "password_reset",
        recipient: "business",
        sendAfter: now,
        payload: { by: "business", sequence: 0, to: user.email, link: linkFor(token) },
      },
    ]);
  });
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
    const [link] = await tx
      .select()
      .from(userTokens)
      .where(
        and(
          eq(userTokens.tenantId, tenant.id),
          eq(userTokens.tokenHash, sha256Hex(token)),
          eq(userTokens.purpose, "password_reset"),
        ),
      )
      .for("update");
    if (!link || link.usedAt || link.expiresAt <= now) throw new AppError("LINK_INVALID");
    await tx.update(userTokens).set({ usedAt: now }).where(eq(userTokens.id, link.id));
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
