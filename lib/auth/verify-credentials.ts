import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type Tenant, tenants, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

// A hash to verify against when the email is unknown, so that both cases take the same time.
let decoyHash: Promise<string> | undefined;

const decoy = () => {
  decoyHash ??= hashPassword("decoy-password-for-timing");
  return decoyHash;
};

/** The user of this tenant with this email and password, or null. */
export async function verifyCredentials(
  db: Database,
  tenant: Tenant,
  email: string,
  password: string,
) {
  const [user] = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenant.id),
        eq(sql`lower(${users.email})`, email.trim().toLowerCase()),
      ),
    );
  if (!user) {
    await verifyPassword(await decoy(), password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}

/**
 * After a refused sign-in: the slug of the one other business where this email and this password
 * do open an account, or null. Only someone who knows the account's password learns where it is,
 * so strangers learn no business's name; an email known to several businesses gets null. Every
 * refusal checks one password here (a decoy when there is no candidate): the answer's timing does
 * not tell an email known elsewhere from an unknown one.
 */
export async function businessOfAccountElsewhere(
  db: Database,
  tenant: Tenant,
  email: string,
  password: string,
): Promise<string | null> {
  const candidates = await db
    .select({ slug: tenants.slug, passwordHash: users.passwordHash })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(
      and(
        ne(users.tenantId, tenant.id),
        eq(sql`lower(${users.email})`, email.trim().toLowerCase()),
      ),
    )
    .limit(2);
  const only = candidates.length === 1 ? candidates[0] : undefined;
  const matches = await verifyPassword(only?.passwordHash ?? (await decoy()), password);
  return only && matches ? only.slug : null;
}
