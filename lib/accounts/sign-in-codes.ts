import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { customerSignInCodes, customers, type Tenant } from "@/db/schema";
import { authSecret, type CustomerSession, startCustomerSession } from "@/lib/auth";
import { customerEmailKey } from "@/lib/customers";
import { AppError } from "@/lib/errors/app-error";
import { type OwedMessage, writeOwed } from "@/lib/outbox";
import { SIGN_IN_CODE_MINUTES } from "@/lib/users";
import { emailSchema } from "@/lib/validation";

/** How long a sign-in code works, and how many wrong tries it takes. */
export const CODE_MINUTES = SIGN_IN_CODE_MINUTES;
export const CODE_TRIES = 5;

// A six-digit code has a million values: a plain hash would give it back to anyone who read the
// table. Keyed by the server's secret and the row, it gives nothing.
const codeHash = (id: string, code: string) =>
  createHmac("sha256", authSecret()).update(`${id}:${code}`).digest("hex");

/**
 * Mails a six-digit code to `email` that signs its owner in at this business: the same whether
 * the address is a customer's or not (nobody learns who is), and it replaces any earlier code.
 * Returns the message owed, for the caller to wake the workers once committed.
 */
export async function requestSignInCode(
  db: Database,
  tenant: Tenant,
  email: string,
  now: Date,
): Promise<OwedMessage[]> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const key = customerEmailKey(email);
  return db.transaction(async (tx) => {
    await tx
      .update(customerSignInCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(customerSignInCodes.tenantId, tenant.id),
          eq(customerSignInCodes.emailHash, key),
          sql`${customerSignInCodes.usedAt} is null`,
        ),
      );
    const id = crypto.randomUUID();
    await tx.insert(customerSignInCodes).values({
      tenantId: tenant.id,
      id,
      emailHash: key,
      codeHash: codeHash(id, code),
      expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
      createdAt: now,
    });
    return writeOwed(tx, tenant.id, null, [
      {
        kind: "sign_in_code",
        recipient: "customer",
        sendAfter: now,
        payload: { by: "customer", sequence: 0, to: email.trim().toLowerCase(), code },
      },
    ]);
  });
}

/**
 * Spends the latest code of `email`: CODE_INVALID when it is wrong (a try counted; the fifth
 * ends it), expired, used or missing. Right, it signs the customer in, making their record at this
 * business when they have none yet (bookings they make later find it by their address).
 */
export async function verifySignInCode(
  db: Database,
  tenant: Tenant,
  email: string,
  code: string,
  now: Date,
): Promise<CustomerSession> {
  const address = email.trim().toLowerCase();
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(customerSignInCodes)
      .where(
        and(
          eq(customerSignInCodes.tenantId, tenant.id),
          eq(customerSignInCodes.emailHash, customerEmailKey(address)),
        ),
      )
      .orderBy(desc(customerSignInCodes.createdAt))
      .limit(1)
      .for("update");
    if (!row || row.usedAt || row.expiresAt <= now || row.tries >= CODE_TRIES) return null;
    const right = timingSafeEqual(
      Buffer.from(row.codeHash, "hex"),
      Buffer.from(codeHash(row.id, code.trim()), "hex"),
    );
    const where = and(
      eq(customerSignInCodes.tenantId, tenant.id),
      eq(customerSignInCodes.id, row.id),
    );
    if (!right) {
      await tx
        .update(customerSignInCodes)
        .set({ tries: row.tries + 1 })
        .where(where);
      return null;
    }
    await tx.update(customerSignInCodes).set({ usedAt: now }).where(where);
    const customerId = await customerOf(tx, tenant.id, address, now);
    return startCustomerSession(tx, tenant.id, customerId, now);
  });
  if (outcome) return outcome;
  throw new AppError("CODE_INVALID");
}

/** The customer of this address at this business, made if there is none. */
async function customerOf(tx: Database, tenantId: string, email: string, now: Date) {
  const [made] = await tx
    .insert(customers)
    .values({ tenantId, email, name: email.split("@")[0] ?? email, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: customers.id });
  if (made) return made.id;
  const [known] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), sql`lower(${customers.email}) = ${email}`));
  if (!known) throw new AppError("CONFLICT");
  return known.id;
}

export const codeRequestSchema = z.object({ email: emailSchema });
export const codeVerifySchema = z.object({
  email: emailSchema,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "code"),
});
