import { and, asc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { type Database, sqlStateOf } from "@/db/client";
import { holdingStatusList } from "@/db/holding-time";
import {
  activities,
  type ClassSession,
  classSessions,
  locations,
  resources,
  staffMembers,
  staffServices,
  type Tenant,
} from "@/db/schema";
import { type Actor, recordScheduleChange } from "@/lib/audit";
import { loadOpeningHours, ownHours, staffHoursByPlace, toInstant } from "@/lib/availability";
import { AppError } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/errors/to-app-error";
import { keyset, type PageRequest } from "@/lib/http/cursor";
import { newMeetingUrl } from "@/lib/locations";
import { addDays, dayInZone, weekdayOf, zonedInstant } from "@/lib/scheduling/calendar-day";
import { MINUTE_MS } from "@/lib/scheduling/durations";
import { type OpeningHours, openingWindows } from "@/lib/scheduling/opening-windows";
import type { ClassSessionInput } from "./schema";

/** A session with the names of what it is, who teaches it where, and how many seats are taken. */
export type ClassSessionRow = ClassSession & {
  activityName: string;
  staffName: string;
  resourceName: string | null;
  locationName: string;
  booked: number;
};

const rowColumns = {
  session: classSessions,
  activityName: activities.name,
  staffName: staffMembers.name,
  resourceName: sql<string | null>`(select r.name from ${resources} r
    where r.tenant_id = ${classSessions.tenantId} and r.id = ${classSessions.resourceId})`,
  locationName: locations.name,
  booked: sql<number>`(select count(*)::int from appointments a
    where a.tenant_id = ${classSessions.tenantId} and a.class_session_id = ${classSessions.id}
      and a.status in (${holdingStatusList}))`,
};

export interface ClassSessionFilter {
  ids?: string[];
  from?: number;
  to?: number;
  activityId?: string;
  staffId?: string;
  locationId?: string;
  /** Cancelled sessions too (the admin's lists show them struck out). */
  withCancelled?: boolean;
  /** A page, by start time then id. */
  page?: PageRequest;
}

export async function listClassSessions(
  db: Database,
  tenantId: string,
  filter: ClassSessionFilter = {},
): Promise<ClassSessionRow[]> {
  const page = keyset(classSessions.startsAt, classSessions.id, filter.page);
  const query = db
    .select(rowColumns)
    .from(classSessions)
    .innerJoin(
      activities,
      and(
        eq(activities.tenantId, classSessions.tenantId),
        eq(activities.id, classSessions.activityId),
      ),
    )
    .innerJoin(
      staffMembers,
      and(
        eq(staffMembers.tenantId, classSessions.tenantId),
        eq(staffMembers.id, classSessions.staffId),
      ),
    )
    .innerJoin(
      locations,
      and(
        eq(locations.tenantId, classSessions.tenantId),
        eq(locations.id, classSessions.locationId),
      ),
    )
    .where(
      and(
        eq(classSessions.tenantId, tenantId),
        filter.ids ? inArray(classSessions.id, filter.ids) : undefined,
        filter.withCancelled || filter.ids ? undefined : isNull(classSessions.cancelledAt),
        filter.from === undefined ? undefined : gte(classSessions.startsAt, new Date(filter.from)),
        filter.to === undefined ? undefined : lt(classSessions.startsAt, new Date(filter.to)),
        filter.activityId ? eq(classSessions.activityId, filter.activityId) : undefined,
        filter.staffId ? eq(classSessions.staffId, filter.staffId) : undefined,
        filter.locationId ? eq(classSessions.locationId, filter.locationId) : undefined,
        page.where,
      ),
    )
    .orderBy(asc(classSessions.startsAt), asc(classSessions.id))
    .$dynamic();
  const rows = await (page.limit ? query.limit(page.limit) : query);
  return rows.map(({ session, ...names }) => ({ ...session, ...names }));
}

export async function getClassSession(
  db: Database,
  tenantId: string,
  id: string,
): Promise<ClassSessionRow> {
  const [row] = await listClassSessions(db, tenantId, { ids: [id] });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** The API's class session object. The meeting link is the business's to give attendees. */
export const toClassSessionJson = (row: ClassSessionRow) => ({
  id: row.id,
  activityId: row.activityId,
  activityName: row.activityName,
  staffId: row.staffId,
  staffName: row.staffName,
  resourceId: row.resourceId,
  resourceName: row.resourceName,
  locationId: row.locationId,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  capacity: row.capacity,
  booked: row.booked,
  remaining: Math.max(0, row.capacity - row.booked),
  cancelled: row.cancelledAt !== null,
  meetingUrl: row.meetingUrl,
  // Additive: scheduled outside the hours (or on a closed day) on the owner's word.
  outsideHours: row.outsideHours,
});

/** What a session is made of, checked: a class, a teacher who gives it, a room where they are. */
async function sessionParts(db: Database, tenant: Tenant, input: ClassSessionInput) {
  const [found] = await db
    .select({
      activity: activities,
      staff: staffMembers,
      location: locations,
      performs: sql<boolean>`exists (select 1 from ${staffServices} ss
        where ss.tenant_id = ${tenant.id} and ss.staff_id = ${input.staffId}
          and ss.activity_id = ${input.activityId})`,
    })
    .from(activities)
    .innerJoin(
      staffMembers,
      and(eq(staffMembers.tenantId, tenant.id), eq(staffMembers.id, input.staffId)),
    )
    .innerJoin(
      locations,
      and(
        eq(locations.tenantId, tenant.id),
        eq(locations.id, input.locationId ?? staffMembers.locationId),
        isNull(locations.deletedAt),
      ),
    )
    .where(
      and(
        eq(activities.tenantId, tenant.id),
        eq(activities.id, input.activityId),
        isNull(activities.deletedAt),
        isNull(staffMembers.deletedAt),
      ),
    );
  if (!found) {
    throw new AppError("VALIDATION_ERROR", { activityId: { text: "noSuchServiceOrStaff" } });
  }
  if (found.activity.capacity < 2) {
    throw new AppError("VALIDATION_ERROR", { activityId: { text: "notAClass" } });
  }
  if (!found.performs) {
    throw new AppError("VALIDATION_ERROR", { staffId: { text: "notPerformer" } });
  }
  const rooms = await db
    .select({
      id: resources.id,
      kind: resources.kind,
      weeklyHours: resources.weeklyHours,
      closedDays: resources.closedDays,
    })
    .from(resources)
    .where(
      and(
        eq(resources.tenantId, tenant.id),
        eq(resources.locationId, found.location.id),
        isNull(resources.deletedAt),
      ),
    )
    .orderBy(asc(resources.position), asc(resources.createdAt));
  const kind = found.activity.resourceKind;
  const usable = rooms.filter(
    (r) => (input.resourceId ? r.id === input.resourceId : true) && (!kind || r.kind === kind),
  );
  if (input.resourceId && !usable.length) {
    throw new AppError("VALIDATION_ERROR", {
      resourceId: kind
        ? { text: "noRoomOfKind", values: { kind } }
        : { text: "notAtTeachersLocation" },
    });
  }
  if (kind && !usable.length) {
    throw new AppError("VALIDATION_ERROR", {
      resourceId: { text: "noRoomOfKind", values: { kind } },
    });
  }
  // The hours that bind it: the place's (on the business's), the teacher's there, each room's.
  const business = await loadOpeningHours(db, tenant);
  const place = ownHours(
    business,
    found.location.weeklyHours,
    found.location.closedDays,
    found.location.timeZone ?? tenant.timeZone,
  );
  const [teacher] = staffHoursByPlace(found.staff, (id) =>
    id === found.location.id ? place : undefined,
  );
  return {
    ...found,
    // Null: the teacher does not work at this place at all.
    teacherHours: teacher?.hours ?? null,
    // None needed and none named: the class needs no room.
    rooms: (kind || input.resourceId
      ? usable.map((r) => ({ id: r.id, hours: ownHours(place, r.weeklyHours, r.closedDays) }))
      : [{ id: null, hours: place }]) as { id: string | null; hours: OpeningHours }[],
  };
}

/**
 * Whether a session fits the hours that bind it: a closed day (of the place, the business or the
 * teacher, or a weekday without hours), outside a window, or inside one of each.
 */
function fitOf(hours: readonly (OpeningHours | null)[], start: number, end: number) {
  if (hours.some((h) => h === null)) return "outside" as const;
  const all = hours as OpeningHours[];
  const closed = all.some((h) => {
    const day = dayInZone(start, h.timeZone);
    const days = h.closedDays instanceof Set ? h.closedDays : new Set(h.closedDays);
    return days.has(day) || !h.weekly.some((w) => w.dayOfWeek === weekdayOf(day));
  });
  if (closed) return "closed" as const;
  const inside = all.every((h) =>
    openingWindows(h, start, end).some((w) => w.start <= start && end <= w.end),
  );
  return inside ? ("fits" as const) : ("outside" as const);
}

/**
 * Schedules a class session, and `repeatWeeks` more at the same wall-clock time of its place, one
 * a week; all or none. A room is the one named, or the first of the kind the class needs that is
 * free and open. A session must fit the teacher's, the room's and the place's hours: outside them,
 * or on a closed day, it is refused (VALIDATION_ERROR on startsAt) unless `outsideHours` confirms
 * it; a series skips its closed days and says which (`skipped`, the days in the place's zone). A
 * teacher or a room busy then (an appointment, another session) is refused by the database:
 * SLOT_UNAVAILABLE, naming the start that clashes.
 */
export async function createClassSessions(
  db: Database,
  tenant: Tenant,
  input: ClassSessionInput,
  actor: Actor,
): Promise<{ sessions: ClassSessionRow[]; skipped: string[] }> {
  return db.transaction(async (tx) => {
    const parts = await sessionParts(tx, tenant, input);
    const { activity, location } = parts;
    const zone = location.timeZone ?? tenant.timeZone;
    const first = toInstant(input.startsAt, zone);
    const day = dayInZone(first, zone);
    const minute = Math.round((first - zonedInstant(day, 0, zone)) / MINUTE_MS);
    const ids: string[] = [];
    const skipped: string[] = [];
    for (let week = 0; week <= input.repeatWeeks; week++) {
      const start = week ? zonedInstant(addDays(day, 7 * week), minute, zone) : first;
      const end = start + activity.durationMinutes * MINUTE_MS;
      const open = parts.rooms.filter(
        (r) => fitOf([parts.teacherHours, r.hours], start, end) === "fits",
      );
      if (!open.length && !input.outsideHours) {
        const fit = fitOf([parts.teacherHours, parts.rooms[0]?.hours ?? null], start, end);
        if (fit === "closed" && input.repeatWeeks > 0) {
          skipped.push(dayInZone(start, zone));
          continue;
        }
        throw new AppError("VALIDATION_ERROR", {
          startsAt: {
            text: fit === "closed" ? "classOnClosedDay" : "classOutsideHours",
            values: { date: dayInZone(start, zone) },
          },
        });
      }
      const rooms = open.length ? open : parts.rooms;
      ids.push(
        await insertSession(
          tx,
          tenant,
          { ...parts, rooms },
          start,
          input.capacity ?? activity.capacity,
          !open.length,
        ),
      );
    }
    if (!ids.length) {
      throw new AppError("VALIDATION_ERROR", {
        startsAt: { text: "classOnClosedDay", values: { date: skipped.join(", ") } },
      });
    }
    const rows = await listClassSessions(tx, tenant.id, { ids });
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "class.create",
      entityType: "class_session",
      entityId: ids[0] ?? null,
      after: { sessions: rows.map(toClassSessionJson), skipped },
    });
    return { sessions: rows, skipped };
  });
}

async function insertSession(
  db: Database,
  tenant: Tenant,
  parts: Awaited<ReturnType<typeof sessionParts>>,
  start: number,
  capacity: number,
  outsideHours: boolean,
): Promise<string> {
  const { activity, staff, location } = parts;
  const end = start + activity.durationMinutes * MINUTE_MS;
  const meetingUrl = location.online ? newMeetingUrl(location) : null;
  // Each room in turn under a savepoint: the first one free is taken.
  for (const { id: resourceId } of parts.rooms) {
    try {
      return await db.transaction(async (sp) => {
        const [row] = await sp
          .insert(classSessions)
          .values({
            tenantId: tenant.id,
            activityId: activity.id,
            staffId: staff.id,
            resourceId,
            locationId: location.id,
            startsAt: new Date(start),
            endsAt: new Date(end),
            blockedFrom: new Date(start - activity.bufferBeforeMinutes * MINUTE_MS),
            blockedUntil: new Date(end + activity.bufferAfterMinutes * MINUTE_MS),
            capacity,
            meetingUrl,
            outsideHours,
          })
          .returning({ id: classSessions.id });
        if (!row) throw new Error("insert returned no row");
        return row.id;
      });
    } catch (error) {
      if (toAppError(error).code !== "SLOT_UNAVAILABLE") throw error;
    }
  }
  throw new AppError("SLOT_UNAVAILABLE", { startsAt: new Date(start).toISOString() });
}

/** A new capacity, refused below a seat already booked (seats are numbered from 1). */
export async function updateClassSession(
  db: Database,
  tenant: Tenant,
  id: string,
  capacity: number,
  actor: Actor,
): Promise<ClassSessionRow> {
  return db.transaction(async (tx) => {
    const before = await getClassSession(tx, tenant.id, id);
    if (before.cancelledAt) throw new AppError("NOT_FOUND");
    try {
      await tx.transaction((sp) =>
        sp
          .update(classSessions)
          .set({ capacity })
          .where(and(eq(classSessions.tenantId, tenant.id), eq(classSessions.id, id))),
      );
    } catch (error) {
      // The seats' foreign key carried the capacity to a seat above it: their CHECK refused.
      if (sqlStateOf(error) === "23514") {
        throw new AppError("VALIDATION_ERROR", { capacity: { text: "seatAboveBooked" } });
      }
      throw error;
    }
    const row = await getClassSession(tx, tenant.id, id);
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "class.update",
      entityType: "class_session",
      entityId: id,
      before: { capacity: before.capacity },
      after: { capacity },
    });
    return row;
  });
}

/** Cancels a session nobody holds a seat of (CLASS_HAS_ATTENDEES: cancel their bookings first). */
export async function cancelClassSession(
  db: Database,
  tenant: Tenant,
  id: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: classSessions.id })
      .from(classSessions)
      .where(
        and(
          eq(classSessions.tenantId, tenant.id),
          eq(classSessions.id, id),
          isNull(classSessions.cancelledAt),
        ),
      )
      .for("update");
    if (!locked) throw new AppError("NOT_FOUND");
    const before = await getClassSession(tx, tenant.id, id);
    if (before.booked) throw new AppError("CLASS_HAS_ATTENDEES");
    await tx
      .update(classSessions)
      .set({ cancelledAt: now })
      .where(and(eq(classSessions.tenantId, tenant.id), eq(classSessions.id, id)));
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "class.cancel",
      entityType: "class_session",
      entityId: id,
      before: toClassSessionJson(before),
    });
  });
}
