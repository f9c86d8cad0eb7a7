import type { Database } from "@/db/client";
import type { Activity, Tenant } from "@/db/schema";
import { getActivity } from "@/lib/activities/activities";
import { loadOpeningHours } from "@/lib/availability/availability";
import type { DateRange } from "@/lib/availability/date-range";
import { computeSlots, type Slot, type SlotRules } from "@/lib/scheduling/compute-slots";
import type { Interval, OpeningHours } from "@/lib/scheduling/opening-windows";
import { listBusyIntervals } from "./appointments";

const MINUTE = 60_000;
// Busy time is fetched this far around a range, enough for any activity's length and buffers,
// so that it can be read at the same time as the activity itself.
const BUSY_MARGIN = 3 * 1440 * MINUTE;

export const slotRulesOf = (activity: Activity, tenant: Tenant): SlotRules => ({
  durationMinutes: activity.durationMinutes,
  bufferBeforeMinutes: activity.bufferBeforeMinutes,
  bufferAfterMinutes: activity.bufferAfterMinutes,
  minimumNoticeMinutes: activity.minimumNoticeHours * 60,
  maxAdvanceDays: activity.maxAdvanceDays,
  intervalMinutes: tenant.slotIntervalMinutes,
});

const busyAround = (db: Database, tenant: Tenant, range: DateRange) =>
  listBusyIntervals(db, tenant.id, range.from - BUSY_MARGIN, range.to + BUSY_MARGIN);

/** The engine's answer for an activity, from data already read. */
export const slotsFrom = (
  hours: OpeningHours,
  busy: Interval[],
  activity: Activity,
  tenant: Tenant,
  range: DateRange,
  now: Date,
): Slot[] =>
  computeSlots({
    ...hours,
    ...range,
    rules: slotRulesOf(activity, tenant),
    busy,
    now: now.getTime(),
  });

/** The slots of a bookable activity over a range, and its rules; its reads run side by side. */
export async function findSlots(
  db: Database,
  tenant: Tenant,
  activityId: string,
  range: DateRange,
  now: Date,
): Promise<{ slots: Slot[]; rules: SlotRules }> {
  const [activity, hours, busy] = await Promise.all([
    getActivity(db, tenant.id, activityId),
    loadOpeningHours(db, tenant),
    busyAround(db, tenant, range),
  ]);
  return {
    slots: slotsFrom(hours, busy, activity, tenant, range, now),
    rules: slotRulesOf(activity, tenant),
  };
}
