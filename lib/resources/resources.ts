import { and, asc, eq, max } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type Resource, resources, type Tenant } from "@/db/schema";
import { hasUpcomingBookings } from "@/lib/appointments";
import { type Actor, recordScheduleChange } from "@/lib/audit";
import { toOwnHoursColumns, toOwnHoursJson } from "@/lib/availability";
import { getLive, listLive, liveIn } from "@/lib/catalog";
import { AppError } from "@/lib/errors/app-error";
import type { PageRequest } from "@/lib/http/cursor";
import { liveLocationId } from "@/lib/locations";
import type { ResourceInput } from "./schema";

const live = (tenantId: string) => liveIn(resources, tenantId);

/** The business's resources in its order, or a page of them in creation order. */
export const listResources = (db: Database, tenantId: string, page?: PageRequest) =>
  listLive(db, resources, tenantId, {
    order: [asc(resources.position), asc(resources.createdAt), asc(resources.id)],
    page,
  });

export const getResource = (db: Database, tenantId: string, id: string): Promise<Resource> =>
  getLive(db, resources, tenantId, id);

/** The API's resource object. */
export const toResourceJson = (row: Resource) => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  locationId: row.locationId,
  ...toOwnHoursJson(row),
  createdAt: row.createdAt.toISOString(),
});

async function toColumns(db: Database, tenantId: string, input: ResourceInput, at?: string) {
  return {
    name: input.name,
    kind: input.kind,
    locationId: await liveLocationId(db, tenantId, input.locationId ?? at),
    ...toOwnHoursColumns(input),
  };
}

export async function createResource(
  db: Database,
  tenant: Tenant,
  input: ResourceInput,
  actor: Actor,
): Promise<Resource> {
  return db.transaction(async (tx) => {
    const [last] = await tx
      .select({ position: max(resources.position) })
      .from(resources)
      .where(eq(resources.tenantId, tenant.id));
    const [created] = await tx
      .insert(resources)
      .values({
        tenantId: tenant.id,
        ...(await toColumns(tx, tenant.id, input)),
        position: (last?.position ?? -1) + 1,
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "resource.create",
      entityType: "resource",
      entityId: created.id,
      after: toResourceJson(created),
    });
    return created;
  });
}

export async function updateResource(
  db: Database,
  tenant: Tenant,
  id: string,
  input: ResourceInput,
  actor: Actor,
): Promise<Resource> {
  return db.transaction(async (tx) => {
    const before = await getResource(tx, tenant.id, id);
    const columns = await toColumns(tx, tenant.id, input, before.locationId);
    // Its upcoming bookings are at the location it is at now.
    if (
      columns.locationId !== before.locationId &&
      (await hasUpcomingBookings(tx, tenant.id, { column: "resource_id", id }, new Date()))
    ) {
      throw new AppError("RESOURCE_IN_USE");
    }
    const [row] = await tx
      .update(resources)
      .set(columns)
      .where(and(live(tenant.id), eq(resources.id, id)))
      .returning();
    if (!row) throw new AppError("NOT_FOUND");
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "resource.update",
      entityType: "resource",
      entityId: id,
      before: toResourceJson(before),
      after: toResourceJson(row),
    });
    return row;
  });
}

/** Removes a resource without upcoming bookings (RESOURCE_IN_USE); past ones keep naming it. */
export async function deleteResource(
  db: Database,
  tenant: Tenant,
  id: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getResource(tx, tenant.id, id);
    if (await hasUpcomingBookings(tx, tenant.id, { column: "resource_id", id }, now)) {
      throw new AppError("RESOURCE_IN_USE");
    }
    await tx
      .update(resources)
      .set({ deletedAt: now })
      .where(and(eq(resources.tenantId, tenant.id), eq(resources.id, id)));
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "resource.delete",
      entityType: "resource",
      entityId: id,
      before: toResourceJson(before),
    });
  });
}
