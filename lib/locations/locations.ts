import { and, asc, eq, max, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type Location, locations, resources, staffMembers, type Tenant } from "@/db/schema";
import { type Actor, recordScheduleChange } from "@/lib/audit";
import { toOwnHoursColumns, toOwnHoursJson } from "@/lib/availability";
import { getLive, listLive, liveIn } from "@/lib/catalog";
import { AppError } from "@/lib/errors/app-error";
import type { PageRequest } from "@/lib/http/cursor";
import { DEFAULT_MEETING_BASE_URL } from "./meeting-url";
import type { LocationInput } from "./schema";

const live = (tenantId: string) => liveIn(locations, tenantId);

/**
 * The business's live locations in its order (the first one is where new staff go), or a page
 * of them in creation order.
 */
export const listLocations = (db: Database, tenantId: string, page?: PageRequest) =>
  listLive(db, locations, tenantId, {
    order: [asc(locations.position), asc(locations.createdAt), asc(locations.id)],
    page,
  });

export const getLocation = (db: Database, tenantId: string, id: string): Promise<Location> =>
  getLive(db, locations, tenantId, id);

/** `wanted` if it is a live location of the business, or the first one when left out. */
export async function liveLocationId(
  db: Database,
  tenantId: string,
  wanted: string | undefined,
): Promise<string> {
  if (!wanted) {
    const [first] = await listLocations(db, tenantId);
    if (!first) throw new Error("a business without a location");
    return first.id;
  }
  const [row] = await db
    .select({ id: locations.id })
    .from(locations)
    .where(and(live(tenantId), eq(locations.id, wanted)));
  if (!row) throw new AppError("VALIDATION_ERROR", { locationId: { text: "noSuchLocation" } });
  return row.id;
}

/** The API's location object: empty fields are the business's own. */
export function toLocationJson(row: Location, tenant: Tenant) {
  return {
    id: row.id,
    name: row.name,
    address: row.address ?? tenant.address,
    contactEmail: row.contactEmail ?? tenant.contactEmail,
    contactPhone: row.contactPhone ?? tenant.contactPhone,
    timeZone: row.timeZone ?? tenant.timeZone,
    online: row.online,
    meetingBaseUrl: row.online ? (row.meetingBaseUrl ?? DEFAULT_MEETING_BASE_URL) : null,
    ...toOwnHoursJson(row),
    createdAt: row.createdAt.toISOString(),
  };
}

const toColumns = (input: LocationInput) => ({
  name: input.name,
  address: input.address,
  contactEmail: input.contactEmail,
  contactPhone: input.contactPhone,
  timeZone: input.timeZone,
  online: input.online,
  meetingBaseUrl: input.online ? input.meetingBaseUrl : null,
  ...toOwnHoursColumns(input),
});

export async function createLocation(
  db: Database,
  tenant: Tenant,
  input: LocationInput,
  actor: Actor,
): Promise<Location> {
  return db.transaction(async (tx) => {
    const [last] = await tx
      .select({ position: max(locations.position) })
      .from(locations)
      .where(eq(locations.tenantId, tenant.id));
    const [created] = await tx
      .insert(locations)
      .values({ tenantId: tenant.id, ...toColumns(input), position: (last?.position ?? -1) + 1 })
      .returning();
    if (!created) throw new Error("insert returned no row");
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "location.create",
      entityType: "location",
      entityId: created.id,
      after: toLocationJson(created, tenant),
    });
    return created;
  });
}

export async function updateLocation(
  db: Database,
  tenant: Tenant,
  id: string,
  input: LocationInput,
  actor: Actor,
): Promise<Location> {
  return db.transaction(async (tx) => {
    const before = await getLocation(tx, tenant.id, id);
    const [row] = await tx
      .update(locations)
      .set(toColumns(input))
      .where(and(live(tenant.id), eq(locations.id, id)))
      .returning();
    if (!row) throw new AppError("NOT_FOUND");
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "location.update",
      entityType: "location",
      entityId: id,
      before: toLocationJson(before, tenant),
      after: toLocationJson(row, tenant),
    });
    return row;
  });
}

/**
 * Removes a location nobody and nothing works at any more (LOCATION_IN_USE: move its staff, their
 * windows there and its resources first), and never the last one.
 */
export async function deleteLocation(
  db: Database,
  tenant: Tenant,
  id: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getLocation(tx, tenant.id, id);
    const [usage] = await tx
      .select({
        others: sql<number>`(select count(*)::int from ${locations} l
          where l.tenant_id = ${tenant.id} and l.deleted_at is null and l.id <> ${id})`,
        staff: sql<number>`(select count(*)::int from ${staffMembers} s
          where s.tenant_id = ${tenant.id} and s.deleted_at is null and (s.location_id = ${id}
            or exists (select 1 from jsonb_array_elements(s.weekly_hours) w
              where w ->> 3 = ${id}::text)))`,
        resources: sql<number>`(select count(*)::int from ${resources} r
          where r.tenant_id = ${tenant.id} and r.deleted_at is null and r.location_id = ${id})`,
      })
      .from(sql`(select 1) as one`);
    if (!usage?.others) throw new AppError("LAST_LOCATION");
    if (usage.staff || usage.resources) throw new AppError("LOCATION_IN_USE");
    await tx
      .update(locations)
      .set({ deletedAt: now })
      .where(and(eq(locations.tenantId, tenant.id), eq(locations.id, id)));
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "location.delete",
      entityType: "location",
      entityId: id,
      before: toLocationJson(before, tenant),
    });
  });
}
