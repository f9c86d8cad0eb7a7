import { asc, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import { availabilityExceptions, type Tenant, weeklySlots } from "@/db/schema";
import { type Actor, recordScheduleChange } from "@/lib/audit";
import { sha256Hex } from "@/lib/crypto/sha256";
import { AppError } from "@/lib/errors/app-error";
import { formatClockTime, parseClockTime } from "@/lib/scheduling/clock-time";
import type { OpeningHours } from "@/lib/scheduling/opening-windows";
import { uuidSchema } from "@/lib/validation";
import { type OwnHours, toOwnHoursJson } from "./own-hours";
import type { AvailabilityInput } from "./schema";

export interface AvailabilityJson {
  // A staff member's windows may name their place.
  weeklySlots: { dayOfWeek: number; startTime: string; endTime: string; locationId?: string }[];
  exceptions: { date: string; reason: string | null }[];
}

async function loadRows(db: Database, tenantId: string) {
  const [slots, exceptions] = await Promise.all([
    db
      .select()
      .from(weeklySlots)
      .where(eq(weeklySlots.tenantId, tenantId))
      .orderBy(asc(weeklySlots.dayOfWeek), asc(weeklySlots.startMinute)),
    db
      .select()
      .from(availabilityExceptions)
      .where(eq(availabilityExceptions.tenantId, tenantId))
      .orderBy(asc(availabilityExceptions.date)),
  ]);
  return { slots, exceptions };
}

export async function getAvailability(db: Database, tenantId: string): Promise<AvailabilityJson> {
  const { slots, exceptions } = await loadRows(db, tenantId);
  return {
    weeklySlots: slots.map((s) => ({
      dayOfWeek: s.dayOfWeek,
      startTime: formatClockTime(s.startMinute),
      endTime: formatClockTime(s.endMinute),
    })),
    exceptions: exceptions.map((e) => ({ date: e.date, reason: e.reason })),
  };
}

/** Columns that carry a tenant's opening hours as JSON text, to add to any select. */
export const openingHoursColumns = (tenantId: string) => ({
  weekly: sql<string>`(select coalesce(json_agg(json_build_array(day_of_week, start_minute, end_minute)), '[]')
    from ${weeklySlots} where tenant_id = ${tenantId})::text`,
  closed: sql<string>`(select coalesce(json_agg(json_build_array(date, reason)), '[]')
    from ${availabilityExceptions} where tenant_id = ${tenantId})::text`,
});

const closedDaysOf = (closed: [string, string | null][]) => ({
  closedDays: new Set(closed.map(([day]) => day)),
  closedReasons: new Map(closed),
});

/** The opening hours in those columns, as the slot engine takes them. */
export function toOpeningHours(
  tenant: Tenant,
  row: { weekly: string; closed: string },
): OpeningHours {
  const weekly = JSON.parse(row.weekly) as [number, number, number][];
  return {
    timeZone: tenant.timeZone,
    weekly: weekly.map(([dayOfWeek, startMinute, endMinute]) => ({
      dayOfWeek,
      startMinute,
      endMinute,
    })),
    ...closedDaysOf(JSON.parse(row.closed) as [string, string | null][]),
  };
}

/** The tenant's opening hours as the slot engine takes them, in one query. */
export async function loadOpeningHours(db: Database, tenant: Tenant): Promise<OpeningHours> {
  const { weekly, closed } = openingHoursColumns(tenant.id);
  const [row] = await queryRows<{ weekly: string; closed: string }>(
    db,
    sql`select ${weekly} as weekly, ${closed} as closed`,
  );
  return toOpeningHours(tenant, row ?? { weekly: "[]", closed: "[]" });
}

/** Replaces the weekly hours and the exceptions together. */
export async function replaceAvailability(
  db: Database,
  tenant: Tenant,
  input: AvailabilityInput,
  actor: Actor,
): Promise<AvailabilityJson> {
  return db.transaction(async (tx) => {
    const before = await getAvailability(tx, tenant.id);
    await tx.delete(weeklySlots).where(eq(weeklySlots.tenantId, tenant.id));
    await tx.delete(availabilityExceptions).where(eq(availabilityExceptions.tenantId, tenant.id));
    if (input.weeklySlots.length) {
      await tx.insert(weeklySlots).values(
        input.weeklySlots.map((s) => ({
          tenantId: tenant.id,
          dayOfWeek: s.dayOfWeek,
          startMinute: parseClockTime(s.startTime),
          endMinute: parseClockTime(s.endTime),
        })),
      );
    }
    if (input.exceptions.length) {
      await tx
        .insert(availabilityExceptions)
        .values(
          input.exceptions.map((e) => ({ tenantId: tenant.id, date: e.date, reason: e.reason })),
        );
    }
    const after = await getAvailability(tx, tenant.id);
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "availability.replace",
      entityType: "availability",
      entityId: tenant.id,
      before,
      after,
    });
    return after;
  });
}

/**
 * A short fingerprint of stored hours, which an editor sends back with its changes: a save based on
 * hours that changed meanwhile (another tab, another person) is refused, not silently merged.
 */
export const availabilityVersion = (availability: {
  weeklySlots: unknown;
  exceptions: unknown;
}): string =>
  sha256Hex(
    JSON.stringify({ weeklySlots: availability.weeklySlots, exceptions: availability.exceptions }),
  ).slice(0, 16);

/** Refuses a change made to other own hours than a record's now (CHANGED_MEANWHILE). */
export function assertOwnHoursVersion(
  current: { weeklySlots: unknown; exceptions: unknown },
  basis: unknown,
) {
  if (typeof basis === "string" && basis !== availabilityVersion(current)) {
    throw new AppError("CHANGED_MEANWHILE");
  }
}

/** Refuses a change made to other hours than those stored now (CHANGED_MEANWHILE). */
export async function assertAvailabilityVersion(db: Database, tenantId: string, basis: unknown) {
  if (basis === undefined) return;
  assertOwnHoursVersion(await getAvailability(db, tenantId), basis);
}

/**
 * Saves a record with hours of its own (a person, a room, a place) from its form: an existing one
 * is refused when its hours changed since the form loaded them (CHANGED_MEANWHILE, against the
 * body's `basis`). Answers the saved hours' version, the form's next basis.
 */
export async function saveOwnHours(
  id: string | null,
  body: unknown,
  record: {
    get: (id: string) => Promise<OwnHours>;
    update: (id: string) => Promise<OwnHours>;
    create: () => Promise<OwnHours>;
  },
) {
  const basis = (body as { basis?: unknown } | null)?.basis;
  if (id) assertOwnHoursVersion(toOwnHoursJson(await record.get(id)), basis);
  const saved = id ? await record.update(uuidSchema.parse(id)) : await record.create();
  return availabilityVersion(toOwnHoursJson(saved));
}
