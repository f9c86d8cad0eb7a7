import type { Database } from "@/db/client";
import type { Activity, Tenant } from "@/db/schema";
import { getActivity } from "@/lib/activities/activities";
import { loadOpeningHours } from "@/lib/availability/availability";
import type { DateRange } from "@/lib/availability/date-range";
import { computeSlots, type Slot, type SlotRules } from "@/lib/scheduling/compute-slots";
import { listBusyIntervals } from "./appointments";

const MINUTE = 60_000;

export const slotRulesOf = (activity: Activity, tenant: Tenant): SlotRules => ({
  durationMinutes: activity.durationMinutes,
  bufferBeforeMinutes: activity.bufferBeforeMinutes,
  bufferAfterMinutes: activity.bufferAfterMinutes,
  minimumNoticeMinutes: activity.minimumNoticeHours * 60,
  maxAdvanceDays: activity.maxAdvanceDays,
  intervalMinutes: tenant.slotIntervalMinutes,
});

/** The slots of an activity over a range, with the busy time that concerns them. */
export async function slotsForActivity(
  db: Database,
  tenant: Tenant,
  activity: Activity,
  range: DateRange,
  now: Date,
): Promise<Slot[]> {
  const rules = slotRulesOf(activity, tenant);
  const [hours, busy] = await Promise.all([
    loadOpeningHours(db, tenant),
    listBusyIntervals(
      db,
      tenant.id,
      range.from - rules.bufferBeforeMinutes * MINUTE,
      range.to + (rules.durationMinutes + rules.bufferAfterMinutes) * MINUTE,
    ),
  ]);
  return computeSlots({
    ...hours,
    from: range.from,
    to: range.to,
    rules,
    busy,
    now: now.getTime(),
  });
}

export async function findSlots(
  db: Database,
  tenant: Tenant,
  activityId: string,
  range: DateRange,
  now: Date,
): Promise<Slot[]> {
  return slotsForActivity(db, tenant, await getActivity(db, tenant.id, activityId), range, now);
}
