import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { availabilityExceptions, type Tenant, weeklySlots } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit/record-audit";
import { formatClockTime, parseClockTime } from "@/lib/scheduling/clock-time";
import type { OpeningHours } from "@/lib/scheduling/opening-windows";
import { bumpScheduleVersion } from "@/lib/tenants/schedule-version";
import type { AvailabilityInput } from "./schema";

export interface AvailabilityJson {
  weeklySlots: { dayOfWeek: number; startTime: string; endTime: string }[];
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

/** The tenant's opening hours as the slot engine takes them. */
export async function loadOpeningHours(db: Database, tenant: Tenant): Promise<OpeningHours> {
  const { slots, exceptions } = await loadRows(db, tenant.id);
  return {
    timeZone: tenant.timeZone,
    weekly: slots.map(({ dayOfWeek, startMinute, endMinute }) => ({
      dayOfWeek,
      startMinute,
      endMinute,
    })),
    closedDays: new Set(exceptions.map((e) => e.date)),
  };
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
    await bumpScheduleVersion(tx, tenant.id);
    await recordAudit(tx, tenant.id, actor, {
      action: "availability.replace",
      entityType: "availability",
      entityId: tenant.id,
      before,
      after,
    });
    return after;
  });
}
