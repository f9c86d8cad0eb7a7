import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";

/**
 * Ends every session of a user, on every instance at once: each request compares the version in
 * its cookie with the user's (sign-out, a new password, removal from the team).
 */
export async function endSessions(db: Database, tenantId: string, userId: string) {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
}
