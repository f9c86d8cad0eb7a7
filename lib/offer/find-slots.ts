import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import type { DateRange } from "@/lib/availability/date-range";
import type { Slot, SlotRules } from "@/lib/scheduling/compute-slots";
import { computeTeamSlots, freeStaffAt } from "@/lib/scheduling/team-slots";
import {
  type BookingContext,
  chosenStaff,
  loadBookingContext,
  type StaffSchedule,
  slotRulesOf,
} from "./booking-context";
import { type BusyTime, listBusyTime } from "./busy-time";

const MINUTE = 60_000;
// Busy time is fetched this far around a range, enough for any activity's length and buffers,
// so that it can be read at the same time as the activity itself.
const BUSY_MARGIN = 3 * 1440 * MINUTE;

/** The engine's answer for an activity and some of its staff, from data already read. */
export const slotsFrom = (
  context: BookingContext,
  staff: readonly StaffSchedule[],
  busy: BusyTime,
  tenant: Tenant,
  range: DateRange,
  now: Date,
): Slot[] =>
  computeTeamSlots({
    ...range,
    rules: slotRulesOf(context.activity, tenant),
    now: now.getTime(),
    staff: staff.map((s) => ({ id: s.id, hours: s.hours, busy: busy.get(s.id) ?? [] })),
  });

/**
 * The staff members (of `staff`, in order) whose slots offer this start, busy time aside: on the
 * grid, inside their hours, on a day they work, after the notice and before the horizon. Busy
 * time is the exclusion constraint's.
 */
export const staffOffering = (
  context: BookingContext,
  staff: readonly StaffSchedule[],
  tenant: Tenant,
  start: number,
  now: Date,
): string[] =>
  freeStaffAt(
    {
      rules: slotRulesOf(context.activity, tenant),
      now: now.getTime(),
      staff: staff.map((s) => ({ id: s.id, hours: s.hours, busy: [] })),
    },
    start,
  );

/** The slots of a bookable activity over a range (with `staffId`, or anyone), and its rules. */
export async function findSlots(
  db: Database,
  tenant: Tenant,
  activityId: string,
  range: DateRange,
  now: Date,
  staffId?: string | null,
): Promise<{ slots: Slot[]; rules: SlotRules }> {
  const [context, busy] = await Promise.all([
    loadBookingContext(db, tenant, activityId),
    listBusyTime(db, tenant.id, range.from - BUSY_MARGIN, range.to + BUSY_MARGIN, { staffId }),
  ]);
  return {
    slots: slotsFrom(context, chosenStaff(context, staffId), busy, tenant, range, now),
    rules: slotRulesOf(context.activity, tenant),
  };
}
