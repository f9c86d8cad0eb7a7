import { and, count, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type AuditEntry, auditLog } from "@/db/schema";

export const AUDIT_PAGE_SIZE = 50;

/** The business's audit log, newest first, one page at a time. */
export async function listAudit(
  db: Database,
  tenantId: string,
  page: number,
): Promise<{ entries: AuditEntry[]; total: number }> {
  const [entries, [counted]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(eq(auditLog.tenantId, tenantId))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ total: count() }).from(auditLog).where(eq(auditLog.tenantId, tenantId)),
  ]);
  return { entries, total: counted?.total ?? 0 };
}

/** What happened to one record (an appointment's status history), oldest first. */
export async function historyOf(
  db: Database,
  tenantId: string,
  entityType: string,
  entityId: string,
): Promise<AuditEntry[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, tenantId),
        eq(auditLog.entityType, entityType),
        eq(auditLog.entityId, entityId),
      ),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(100);
  return rows.reverse();
}
