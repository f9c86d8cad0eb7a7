import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type AuditEntry, appointments, auditLog, locations } from "@/db/schema";
import type { AuditedAppointment } from "./audit-sentence";

export const AUDIT_PAGE_SIZE = 50;

/**
 * The business's audit log, newest first, one page at a time; an appointment's entries come with
 * its client and start, which its entries leave out (no customer's details in the log itself).
 */
export async function listAudit(
  db: Database,
  tenantId: string,
  page: number,
): Promise<{
  entries: (AuditEntry & { appointment: AuditedAppointment | null })[];
  total: number;
}> {
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        entry: auditLog,
        clientName: appointments.clientName,
        startsAt: appointments.startsAt,
        // The clock of its place (null: the business's).
        timeZone: locations.timeZone,
      })
      .from(auditLog)
      .leftJoin(
        appointments,
        and(
          eq(auditLog.entityType, "appointment"),
          eq(appointments.tenantId, auditLog.tenantId),
          eq(sql`${appointments.id}::text`, auditLog.entityId),
        ),
      )
      .leftJoin(
        locations,
        and(
          eq(locations.tenantId, appointments.tenantId),
          eq(locations.id, appointments.locationId),
        ),
      )
      .where(eq(auditLog.tenantId, tenantId))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ total: count() }).from(auditLog).where(eq(auditLog.tenantId, tenantId)),
  ]);
  const entries = rows.map(({ entry, clientName, startsAt, timeZone }) => ({
    ...entry,
    appointment: clientName && startsAt ? { clientName, startsAt, timeZone } : null,
  }));
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
