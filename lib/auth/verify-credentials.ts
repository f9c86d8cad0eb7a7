import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type Tenant, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/users/password";

// A hash to verify against when the email is unknown, so that both cases take the same time.
let decoyHash: Promise<string> | undefined;

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
    decoyHash ??= hashPassword("decoy-password-for-timing");
    await verifyPassword(await decoyHash, password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}
