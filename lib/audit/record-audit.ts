import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";

export interface Actor {
  type: "user" | "api_key" | "system" | "customer";
  id?: string | null;
  label?: string | null;
}

export const systemActor: Actor = { type: "system", label: "system" };

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit entry; call it inside the transaction of the change it records. */
export async function recordAudit(
  db: Database,
  tenantId: string,
  actor: Actor,
  entry: AuditRecord,
) {
  await db.insert(auditLog).values({
    tenantId,
    actorType: actor.type,
    actorId: actor.id ?? null,
    actorLabel: actor.label ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
