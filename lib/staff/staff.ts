import { and, asc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  activities,
  type StaffMember,
  staffMembers,
  staffServices,
  type Tenant,
  users,
} from "@/db/schema";
import { hasUpcomingBookings } from "@/lib/appointments";
import { type Actor, recordScheduleChange } from "@/lib/audit";
import { placesOfWork, toOwnHoursColumns, toOwnHoursJson } from "@/lib/availability";
import { liveIn } from "@/lib/catalog";
import { AppError } from "@/lib/errors/app-error";
import { keyset, type PageRequest } from "@/lib/http/cursor";
import { liveLocationId } from "@/lib/locations";
import { nextStaffColor } from "./colors";
import type { StaffInput } from "./schema";

/** A live staff member and the live services they perform. */
export type StaffRow = StaffMember & { activityIds: string[] };

const live = (tenantId: string) => liveIn(staffMembers, tenantId);

export async function listStaff(
  db: Database,
  tenantId: string,
  filter: { ids?: string[]; page?: PageRequest } = {},
): Promise<StaffRow[]> {
  const page = keyset(staffMembers.createdAt, staffMembers.id, filter.page);
  const query = db
    .select({
      staff: staffMembers,
      activityIds: sql<string>`coalesce(json_agg(${activities.id} order by ${activities.name}, ${activities.id})
        filter (where ${activities.id} is not null), '[]')::text`,
    })
    .from(staffMembers)
    .leftJoin(
      staffServices,
      and(
        eq(staffServices.tenantId, staffMembers.tenantId),
        eq(staffServices.staffId, staffMembers.id),
      ),
    )
    .leftJoin(
      activities,
      and(
        eq(activities.tenantId, staffServices.tenantId),
        eq(activities.id, staffServices.activityId),
        isNull(activities.deletedAt),
      ),
    )
    .where(
      and(
        live(tenantId),
        filter.ids ? inArray(staffMembers.id, filter.ids) : undefined,
        page.where,
      ),
    )
    .groupBy(staffMembers.tenantId, staffMembers.id)
    .orderBy(
      ...(page.orderBy ?? [
        asc(staffMembers.position),
        asc(staffMembers.createdAt),
        asc(staffMembers.id),
      ]),
    )
    .$dynamic();
  const rows = await (page.limit ? query.limit(page.limit) : query);
  return rows.map((r) => ({ ...r.staff, activityIds: JSON.parse(r.activityIds) as string[] }));
}

export async function getStaff(db: Database, tenantId: string, id: string): Promise<StaffRow> {
  const [row] = await listStaff(db, tenantId, { ids: [id] });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** A staff member as the calendar and the details panel choose among them. */
export const toCalendarStaff = (row: StaffRow) => ({
  id: row.id,
  name: row.name,
  color: row.color,
  activityIds: row.activityIds,
  // Every place they work at: their home one and any their windows name.
  locationIds: placesOfWork(row.locationId, row.weeklyHours).map(([place]) => place),
});

/** The API's staff object. */
export function toStaffJson(row: StaffRow) {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    userId: row.userId,
    activityIds: row.activityIds,
    locationId: row.locationId,
    ...toOwnHoursJson(row),
    createdAt: row.createdAt.toISOString(),
  };
}

function toColumns(input: StaffInput, color: string, locationId: string) {
  return {
    name: input.name,
    color: (input.color ?? color).toLowerCase(),
    userId: input.userId,
    locationId,
    ...toOwnHoursColumns(input),
  };
}

/** The services they perform, checked to be the business's own live ones; all when left out. */
async function serviceIds(db: Database, tenantId: string, wanted: string[] | undefined) {
  const rows = await db
    .select({ id: activities.id })
    .from(activities)
    .where(
      and(
        eq(activities.tenantId, tenantId),
        isNull(activities.deletedAt),
        wanted ? inArray(activities.id, wanted.length ? wanted : [tenantId]) : undefined,
      ),
    );
  const found = new Set(rows.map((r) => r.id));
  const unknown = wanted?.find((id) => !found.has(id));
  if (unknown)
    throw new AppError("VALIDATION_ERROR", {
      activityIds: { text: "noSuchService", values: { ids: String(unknown) } },
    });
  return [...found];
}

async function assertOwnUser(db: Database, tenantId: string, userId: string | null) {
  if (!userId) return;
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  if (!user) throw new AppError("VALIDATION_ERROR", { userId: { text: "noSuchUser" } });
}

/** Each place their windows name is one of the business's live locations. */
async function assertPlaces(db: Database, tenantId: string, input: StaffInput) {
  const places = new Set(input.weeklySlots?.flatMap((w) => (w.locationId ? [w.locationId] : [])));
  for (const place of places) await liveLocationId(db, tenantId, place);
}

async function replaceServices(db: Database, tenantId: string, staffId: string, ids: string[]) {
  await db
    .delete(staffServices)
    .where(and(eq(staffServices.tenantId, tenantId), eq(staffServices.staffId, staffId)));
  if (ids.length) {
    await db
      .insert(staffServices)
      .values(ids.map((activityId) => ({ tenantId, staffId, activityId })));
  }
}

export async function createStaff(
  db: Database,
  tenant: Tenant,
  input: StaffInput,
  actor: Actor,
): Promise<StaffRow> {
  return db.transaction(async (tx) => {
    const ids = await serviceIds(tx, tenant.id, input.activityIds);
    await assertOwnUser(tx, tenant.id, input.userId);
    const locationId = await liveLocationId(tx, tenant.id, input.locationId);
    await assertPlaces(tx, tenant.id, input);
    const [last] = await tx
      .select({ position: max(staffMembers.position) })
      .from(staffMembers)
      .where(eq(staffMembers.tenantId, tenant.id));
    const colors = (await listStaff(tx, tenant.id)).map((s) => s.color);
    const [created] = await tx
      .insert(staffMembers)
      .values({
        tenantId: tenant.id,
        ...toColumns(input, nextStaffColor(colors), locationId),
        position: (last?.position ?? -1) + 1,
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    await replaceServices(tx, tenant.id, created.id, ids);
    const row = await getStaff(tx, tenant.id, created.id);
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "staff.create",
      entityType: "staff",
      entityId: created.id,
      after: toStaffJson(row),
    });
    return row;
  });
}

export async function updateStaff(
  db: Database,
  tenant: Tenant,
  id: string,
  input: StaffInput,
  actor: Actor,
): Promise<StaffRow> {
  return db.transaction(async (tx) => {
    const before = await getStaff(tx, tenant.id, id);
    const ids = await serviceIds(tx, tenant.id, input.activityIds ?? before.activityIds);
    await assertOwnUser(tx, tenant.id, input.userId);
    // Their bookings keep the place they were booked at: a new home location moves none.
    const locationId = await liveLocationId(tx, tenant.id, input.locationId ?? before.locationId);
    await assertPlaces(tx, tenant.id, input);
    await tx
      .update(staffMembers)
      .set(toColumns(input, before.color, locationId))
      .where(and(live(tenant.id), eq(staffMembers.id, id)));
    await replaceServices(tx, tenant.id, id, ids);
    const row = await getStaff(tx, tenant.id, id);
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "staff.update",
      entityType: "staff",
      entityId: id,
      before: toStaffJson(before),
      after: toStaffJson(row),
    });
    return row;
  });
}

/**
 * Removes a staff member from every list. Refused while they have upcoming bookings, and for the
 * last one (a business with nobody can take no booking); past appointments keep naming them.
 */
export async function deleteStaff(
  db: Database,
  tenant: Tenant,
  id: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getStaff(tx, tenant.id, id);
    if (await hasUpcomingBookings(tx, tenant.id, { column: "staff_id", id }, now)) {
      throw new AppError("STAFF_IN_USE");
    }
    const [others] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(staffMembers)
      .where(and(live(tenant.id), sql`${staffMembers.id} <> ${id}`));
    if (!others?.n) throw new AppError("LAST_STAFF_MEMBER");
    await tx
      .update(staffMembers)
      .set({ deletedAt: now })
      .where(and(eq(staffMembers.tenantId, tenant.id), eq(staffMembers.id, id)));
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "staff.delete",
      entityType: "staff",
      entityId: id,
      before: toStaffJson(before),
    });
  });
}

/** Gives a new service to every live staff member (a service nobody performs cannot be booked). */
export async function assignToEveryone(db: Database, tenantId: string, activityId: string) {
  await db.execute(sql`
    insert into ${staffServices} (tenant_id, staff_id, activity_id)
    select tenant_id, id, ${activityId} from ${staffMembers}
    where tenant_id = ${tenantId} and deleted_at is null
    on conflict do nothing`);
}
