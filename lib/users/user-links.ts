import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type MessageKind, type UserToken, type UserTokenPurpose, userTokens } from "@/db/schema";
import { newSecretToken } from "@/lib/crypto/secret-token";
import { sha256Hex } from "@/lib/crypto/sha256";
import { AppError } from "@/lib/errors/app-error";
import { type OwedMessage, writeOwed } from "@/lib/outbox";

export interface UserLinkRequest {
  tenantId: string;
  user: { id: string; email: string };
  purpose: UserTokenPurpose & MessageKind;
  lifetimeMs: number;
  now: Date;
  linkFor: (token: string) => string;
}

/**
 * Mails a user a link that works once, until it expires: a new one replaces any earlier link of
 * the same purpose still unused. Only the token's SHA-256 is stored. Returns the message owed, for
 * the caller to wake the workers once the transaction commits.
 */
export async function sendUserLink(tx: Database, request: UserLinkRequest): Promise<OwedMessage[]> {
  const { tenantId, user, purpose, now } = request;
  const token = newSecretToken();
  await tx
    .update(userTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(userTokens.tenantId, tenantId),
        eq(userTokens.userId, user.id),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
      ),
    );
  await tx.insert(userTokens).values({
    tenantId,
    userId: user.id,
    purpose,
    tokenHash: sha256Hex(token),
    expiresAt: new Date(now.getTime() + request.lifetimeMs),
  });
  return writeOwed(tx, tenantId, null, [
    {
      kind: purpose,
      recipient: "business",
      sendAfter: now,
      payload: { by: "business", sequence: 0, to: user.email, link: request.linkFor(token) },
    },
  ]);
}

/**
 * Spends a link's token of this business and purpose, in the caller's transaction: LINK_INVALID
 * when it is unknown, used or expired. The row stays locked until the transaction ends, so two
 * clicks at once cannot both spend it.
 */
export async function spendUserLink(
  tx: Database,
  tenantId: string,
  token: string,
  purpose: UserTokenPurpose,
  now: Date,
): Promise<UserToken> {
  const [link] = await tx
    .select()
    .from(userTokens)
    .where(
      and(
        eq(userTokens.tenantId, tenantId),
        eq(userTokens.tokenHash, sha256Hex(token)),
        eq(userTokens.purpose, purpose),
      ),
    )
    .for("update");
  if (!link || link.usedAt || link.expiresAt <= now) throw new AppError("LINK_INVALID");
  await tx
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.tenantId, tenantId), eq(userTokens.id, link.id)));
  return link;
}
