import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type Tenant, tenants, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { OwedMessage } from "@/lib/outbox";
import { CONFIRM_LINK_DAYS, sendUserLink, spendUserLink } from "@/lib/users";

/**
 * Confirms a new business's address with the link mailed at sign-up, which opens its online
 * booking. A business already confirmed answers "already" whatever the link: mail scanners open
 * links before people do, and the second click must still land on good news.
 */
export async function confirmBusinessEmail(
  db: Database,
  tenant: Tenant,
  token: string,
  now: Date,
): Promise<"confirmed" | "already"> {
  if (tenant.confirmedAt) return "already";
  return db.transaction(async (tx) => {
    const link = await spendUserLink(tx, tenant.id, token, "email_confirmation", now);
    await tx
      .update(tenants)
      .set({ confirmedAt: now })
      .where(and(eq(tenants.id, tenant.id), isNull(tenants.confirmedAt)));
    await recordAudit(
      tx,
      tenant.id,
      { type: "user", id: link.userId, label: "e-mail confirmation" },
      { action: "tenant.confirm", entityType: "tenant", entityId: tenant.id },
    );
    return "confirmed" as const;
  });
}

/** Mails a new business's owner the link confirming their address (an earlier one stops working). */
export const sendConfirmationLink = (
  tx: Database,
  tenantId: string,
  owner: { id: string; email: string },
  now: Date,
  linkFor: (token: string) => string,
): Promise<OwedMessage[]> =>
  sendUserLink(tx, {
    tenantId,
    user: owner,
    purpose: "email_confirmation",
    lifetimeMs: CONFIRM_LINK_DAYS * 86_400_000,
    now,
    linkFor,
  });

/** Mails the owner who signed up a fresh confirmation link (the earlier one stops working). */
export async function resendConfirmation(
  db: Database,
  tenant: Tenant,
  now: Date,
  linkFor: (token: string) => string,
): Promise<OwedMessage[]> {
  if (tenant.confirmedAt) return [];
  const [owner] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.tenantId, tenant.id), eq(users.role, "owner")))
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (!owner) return [];
  return db.transaction((tx) => sendConfirmationLink(tx, tenant.id, owner, now, linkFor));
}
