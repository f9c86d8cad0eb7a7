import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, tenants } from "@/db/schema";

export interface Actor {
  type: "user" | "api_key" | "system" | "customer";
  id?: string | null;
  label?: string | null;
}

export const systemActor: Actor = { type: "system", label: "system" };
export const customerActor: Actor = { type: "customer", label: "public booking" };

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

const jsonParam = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * Records a change to the business's schedule (hours, activities, bookings): bumps its schedule
 * version, which makes cached slots stale on every instance (and, unless an appointment changed,
 * its catalog version, see loadBookingContext), and writes the audit entry, in one statement.
 * Call it last in the transaction that made the change.
 */
export async function recordScheduleChange(
  db: Database,
  tenantId: string,
  actor: Actor,
  entry: AuditRecord,
) {
  await db.execute(sql`
    with bumped as (
      update ${tenants} set schedule_version = schedule_version + 1,
        catalog_version = catalog_version + ${entry.entityType === "appointment" ? 0 : 1}::int
      where id = ${tenantId}
    )
    insert into ${auditLog}
      (tenant_id, actor_type, actor_id, actor_label, action, entity_type, entity_id, before, after)
    values (${tenantId}, ${actor.type}, ${actor.id ?? null}::uuid, ${actor.label ?? null},
      ${entry.action}, ${entry.entityType}, ${entry.entityId ?? null},
      ${jsonParam(entry.before)}::jsonb, ${jsonParam(entry.after)}::jsonb)`);
}
