import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type Activity, activities, staffMembers, staffServices, type Tenant } from "@/db/schema";
import { openingHoursColumns, toOpeningHours } from "@/lib/availability/availability";
import { boundedCache } from "@/lib/cache/bounded-cache";
import { AppError } from "@/lib/errors/app-error";
import type { SlotRules } from "@/lib/scheduling/compute-slots";
import type { OpeningHours } from "@/lib/scheduling/opening-windows";

const MINUTE = 60_000;

/** A staff member who performs the activity, with the hours they work. */
export interface StaffSchedule {
  id: string;
  name: string;
  color: string;
  hours: OpeningHours;
}

/** What booking an activity depends on, busy time aside. */
export interface BookingContext {
  activity: Activity;
  /** The business's own opening hours and closed days (with their public reasons). */
  hours: OpeningHours;
  /** The live staff members who perform it, in the business's order. */
  staff: StaffSchedule[];
}

/**
 * A staff member's hours: their own week or the business's, and the business's closed days plus
 * their own days off. Only the business's reasons are kept: why someone is off stays private.
 */
export function staffHours(
  business: OpeningHours,
  weekly: [number, number, number][] | null,
  daysOff: { date: string }[],
): OpeningHours {
  // The very same object for everyone on the business's hours: the engine works them out once.
  if (!weekly && !daysOff.length) return business;
  const closed = new Set(business.closedDays);
  for (const d of daysOff) closed.add(d.date);
  return {
    ...business,
    weekly: weekly
      ? weekly.map(([dayOfWeek, startMinute, endMinute]) => ({ dayOfWeek, startMinute, endMinute }))
      : business.weekly,
    closedDays: closed,
  };
}

// Bookings come often, changes to activities, staff and hours seldom: what a booking reads of them
// is kept per app instance under the business's catalog version, which every change to them (and
// to the business's settings) bumps in its transaction, but bookings do not; each request reads it
// afresh with the tenant row, so a change through any instance is seen by all. Deleting an
// activity is a change too, and the booking statement checks again that the activity is live.
// An entry is an activity, a week of hours and a few staff: a few KB, counted as 16.
const contextCache = boundedCache<Promise<BookingContext>>(0.25, () => 16 * 1024);

/** A live activity, the business's hours and the staff who perform it: one round trip or none. */
export function loadBookingContext(
  db: Database,
  tenant: Tenant,
  activityId: string,
): Promise<BookingContext> {
  const key = [tenant.id, tenant.catalogVersion, tenant.timeZone, activityId].join("|");
  let entry = contextCache.get(key);
  if (!entry) {
    entry = readBookingContext(db, tenant, activityId);
    // A missing activity or a failed read is asked again next time.
    entry.catch(() => contextCache.delete(key));
    contextCache.set(key, entry);
  }
  return entry;
}

type StaffColumns = [string, string, string, [number, number, number][] | null, { date: string }[]];

async function readBookingContext(
  db: Database,
  tenant: Tenant,
  activityId: string,
): Promise<BookingContext> {
  const [found] = await db
    .select({
      activity: activities,
      ...openingHoursColumns(tenant.id),
      staff: sql<string>`(select coalesce(json_agg(json_build_array(s.id, s.name, s.color,
          s.weekly_hours, s.closed_days) order by s.position, s.created_at, s.id), '[]')
        from ${staffMembers} s join ${staffServices} ss
          on ss.tenant_id = s.tenant_id and ss.staff_id = s.id
        where s.tenant_id = ${tenant.id} and ss.activity_id = ${activityId}
          and s.deleted_at is null)::text`,
    })
    .from(activities)
    .where(
      and(
        eq(activities.tenantId, tenant.id),
        eq(activities.id, activityId),
        isNull(activities.deletedAt),
      ),
    );
  if (!found) throw new AppError("NOT_FOUND", { activityId: "no such activity" });
  const hours = toOpeningHours(tenant, found);
  const staff = (JSON.parse(found.staff) as StaffColumns[]).map(
    ([id, name, color, weekly, daysOff]) => ({
      id,
      name,
      color,
      hours: staffHours(hours, weekly, daysOff),
    }),
  );
  return { activity: found.activity, hours, staff };
}

/**
 * The times of an appointment of this activity starting at `start`: its own end, and the range it
 * holds, widened by the activity's buffers (what the no-overlap constraint compares).
 */
export function appointmentTimes(activity: Activity, start: number) {
  const end = start + activity.durationMinutes * MINUTE;
  return {
    end,
    blockedFrom: start - activity.bufferBeforeMinutes * MINUTE,
    blockedUntil: end + activity.bufferAfterMinutes * MINUTE,
  };
}

export const slotRulesOf = (activity: Activity, tenant: Tenant): SlotRules => ({
  durationMinutes: activity.durationMinutes,
  bufferBeforeMinutes: activity.bufferBeforeMinutes,
  bufferAfterMinutes: activity.bufferAfterMinutes,
  minimumNoticeMinutes: activity.minimumNoticeHours * 60,
  maxAdvanceDays: activity.maxAdvanceDays,
  intervalMinutes: tenant.slotIntervalMinutes,
});

/** The staff a choice narrows to: the one chosen (if they perform it), or everyone who does. */
export function chosenStaff(context: BookingContext, staffId: string | null | undefined) {
  if (!staffId) return context.staff;
  const member = context.staff.find((s) => s.id === staffId);
  if (!member) {
    throw new AppError("VALIDATION_ERROR", { staffId: "does not perform this service" });
  }
  return [member];
}
