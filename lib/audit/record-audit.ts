import { type SQL, sql } from "drizzle-orm";
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

/** A schedule change as SQL: its audit entry's values may read columns of `source`. */
export interface ScheduleChangeSql {
  action: string;
  entityType: string;
  entityId: SQL;
  before: SQL;
  after: SQL;
  /** The relation the change comes from: one bump and one audit entry per row; none if empty. */
  source: SQL;
}

/**
 * The two CTEs (`bumped`, `audited`) of a change to the business's schedule, to put in the
 * statement that makes it: they bump its schedule version, which makes cached slots stale on every
 * instance (and, unless an appointment changed, its catalog version, see loadBookingContext), and
 * write the audit entry.
 */
export function scheduleChangeCtes(tenantId: string, actor: Actor, change: ScheduleChangeSql): SQL {
  const catalog = change.entityType === "appointment" ? 0 : 1;
  return sql`bumped as (
      update ${tenants} set schedule_version = schedule_version + 1,
        catalog_version = catalog_version + ${catalog}::int
      where id = ${tenantId} and exists (select 1 from ${change.source})
    ), audited as (
      insert into ${auditLog}
        (tenant_id, actor_type, actor_id, actor_label, action, entity_type, entity_id, before, after)
      select ${tenantId}, ${actor.type}, ${actor.id ?? null}::uuid, ${actor.label ?? null},
        ${change.action}, ${change.entityType}, ${change.entityId}, ${change.before}, ${change.after}
      from ${change.source}
    )`;
}

/**
 * Records a change to the business's schedule (hours, activities, staff, bookings) in one
 * statement (see scheduleChangeCtes). Call it last in the transaction that made the change.
 */
export async function recordScheduleChange(
  db: Database,
  tenantId: string,
  actor: Actor,
  entry: AuditRecord,
) {
  await db.execute(sql`
    with change as (select 1), ${scheduleChangeCtes(tenantId, actor, {
      action: entry.action,
      entityType: entry.entityType,
      entityId: sql`${entry.entityId ?? null}`,
      before: sql`${jsonParam(entry.before)}::jsonb`,
      after: sql`${jsonParam(entry.after)}::jsonb`,
      source: sql`change`,
    })}
    select 1`);
}
