import { and, eq, gt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { customerSessions, type Tenant } from "@/db/schema";
import { newSecretToken } from "@/lib/crypto/secret-token";
import { sha256Hex } from "@/lib/crypto/sha256";
import { AppError } from "@/lib/errors/app-error";
import { CUSTOMER_TOKEN_PREFIX } from "./customer-token";

/** How long a customer stays signed in. */
export const SESSION_DAYS = 30;

export interface CustomerSession {
  token: string;
  expiresAt: Date;
  customerId: string;
}

/**
 * The cookie of a customer's session on a business's pages, one per business (several may share a
 * host, chosen by `?tenant=`), never a staff session's.
 */
export const customerCookie = (tenant: Tenant) => `rv_customer_${tenant.slug}`;

/** Starts a session: its token is shown once (cookie or API answer), only its hash is kept. */
export async function startCustomerSession(
  tx: Database,
  tenantId: string,
  customerId: string,
  now: Date,
): Promise<CustomerSession> {
  const token = `${CUSTOMER_TOKEN_PREFIX}${newSecretToken()}`;
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await tx
    .insert(customerSessions)
    .values({ tenantId, customerId, tokenHash: sha256Hex(token), expiresAt, createdAt: now });
  return { token, expiresAt, customerId };
}

/** The session a live token of this business is, and its customer; null for any other token. */
export async function customerSessionOf(
  db: Database,
  tenant: Tenant,
  token: string | null | undefined,
  now: Date,
): Promise<{ id: string; customerId: string } | null> {
  if (!token?.startsWith(CUSTOMER_TOKEN_PREFIX) || token.length > 100) return null;
  const [row] = await db
    .select({ id: customerSessions.id, customerId: customerSessions.customerId })
    .from(customerSessions)
    .where(
      and(
        eq(customerSessions.tenantId, tenant.id),
        eq(customerSessions.tokenHash, sha256Hex(token)),
        gt(customerSessions.expiresAt, now),
      ),
    );
  return row ?? null;
}

/** The session a live token is, at whichever business: what the request limits count it by. */
export async function liveCustomerSession(db: Database, token: string, now: Date) {
  if (!token.startsWith(CUSTOMER_TOKEN_PREFIX) || token.length > 100) return null;
  const [row] = await db
    .select({ id: customerSessions.id })
    .from(customerSessions)
    .where(
      and(eq(customerSessions.tokenHash, sha256Hex(token)), gt(customerSessions.expiresAt, now)),
    );
  return row?.id ?? null;
}

/**
 * The signed-in customer's id; UNAUTHORIZED without a live token, NOT_FOUND for a customer of
 * another business.
 */
export async function requireCustomer(
  db: Database,
  tenant: Tenant,
  token: string | null | undefined,
  now: Date,
): Promise<string> {
  const session = await customerSessionOf(db, tenant, token, now);
  if (session) return session.customerId;
  // A customer of another business has nothing here: not found, as anything of theirs would be.
  const elsewhere = token ? await liveCustomerSession(db, token, now) : null;
  throw new AppError(elsewhere ? "NOT_FOUND" : "UNAUTHORIZED");
}

/** Ends every session of the customer, on every device. */
export async function endCustomerSessions(db: Database, tenantId: string, customerId: string) {
  await db
    .delete(customerSessions)
    .where(
      and(eq(customerSessions.tenantId, tenantId), eq(customerSessions.customerId, customerId)),
    );
}
