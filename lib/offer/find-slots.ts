import type { Database } from "@/db/client";
import type { DeliveryMode } from "@/db/enums";
import type { Tenant } from "@/db/schema";
import type { DateRange } from "@/lib/availability";
import { listClassSessions } from "@/lib/classes";
import type { Slot, SlotRules } from "@/lib/scheduling/compute-slots";
import { MINUTE_MS } from "@/lib/scheduling/durations";
import type { Interval } from "@/lib/scheduling/opening-windows";
import { computeTeamSlots, freeAt } from "@/lib/scheduling/team-slots";
import {
  appointmentTimes,
  type BookingContext,
  type Choice,
  chosenStaff,
  deliveryAt,
  loadBookingContext,
  type ResourceSchedule,
  type StaffSchedule,
  slotRulesOf,
} from "./booking-context";
import { type BusyTime, listBusyTime } from "./busy-time";

const NOT_BUSY: BusyTime = { staff: new Map(), resources: new Map() };

/** A slot at one of the business's locations; a class's says how many places it has left. */
export interface PlacedSlot extends Slot {
  locationId: string;
  remaining?: number;
}

const timelines = (
  list: readonly { id: string; hours: StaffSchedule["hours"] }[],
  busy: ReadonlyMap<string, Interval[]>,
) => list.map((x) => ({ id: x.id, hours: x.hours, busy: busy.get(x.id) ?? [] }));

/**
 * The staff (of `staff`) and the resources of the kind the activity needs, place by place, and how
 * the service is delivered there: a booking in person pairs a person with a resource of the same
 * location. `resources` is undefined when none is needed (none is on video); a place with nobody,
 * without a resource it needs, or not offering the mode chosen, offers nothing.
 */
function byLocation(
  context: BookingContext,
  staff: readonly StaffSchedule[],
  mode?: DeliveryMode | null,
) {
  return context.locations.flatMap((location) => {
    const delivery = deliveryAt(context.activity, location, mode);
    const here = staff.filter((s) => s.locationId === location.id);
    const resources =
      delivery === "in_person" && context.activity.resourceKind !== null
        ? context.resources.filter((r) => r.locationId === location.id)
        : undefined;
    return delivery && here.length && (!resources || resources.length)
      ? [{ location, staff: here, resources, delivery }]
      : [];
  });
}

/** The engine's answer for an activity and some of its staff, from data already read. */
export function slotsFrom(
  context: BookingContext,
  staff: readonly StaffSchedule[],
  busy: BusyTime,
  tenant: Tenant,
  range: DateRange,
  now: Date,
  mode?: DeliveryMode | null,
): PlacedSlot[] {
  const rules = slotRulesOf(context.activity, tenant);
  const places = byLocation(context, staff, mode);
  const slots = places.flatMap(({ location, staff: here, resources }) =>
    computeTeamSlots({
      ...range,
      rules,
      now: now.getTime(),
      staff: timelines(here, busy.staff),
      resources: resources && timelines(resources, busy.resources),
    }).map((slot) => ({ ...slot, locationId: location.id })),
  );
  // Several places: one list in time order, each instant in the business's order of places.
  return places.length > 1 ? slots.sort((a, b) => a.start - b.start) : slots;
}

/** What could take a booking at a start, busy time aside: someone, and what they would need. */
export interface Offer {
  staff: StaffSchedule;
  delivery: DeliveryMode;
  /** The resources of the needed kind at their place that are open then; null: none needed. */
  resources: ResourceSchedule[] | null;
}

/**
 * The staff members (of `staff`, in order) whose slots offer this start, busy time aside, each
 * with the resources at their place that are open then (when the activity needs one): on the
 * grid, inside their hours, on a day they work, after the notice and before the horizon. Busy
 * time is the exclusion constraints'.
 */
export function offersAt(
  context: BookingContext,
  staff: readonly StaffSchedule[],
  tenant: Tenant,
  start: number,
  now: Date,
  mode?: DeliveryMode | null,
): Offer[] {
  const query = { rules: slotRulesOf(context.activity, tenant), now: now.getTime() };
  return byLocation(context, staff, mode).flatMap(({ staff: here, resources, delivery }) => {
    const open =
      resources && new Set(freeAt(query, timelines(resources, NOT_BUSY.resources), start));
    if (open && !open.size) return [];
    const free = new Set(freeAt(query, timelines(here, NOT_BUSY.staff), start));
    return here
      .filter((s) => free.has(s.id))
      .map((s) => ({
        staff: s,
        delivery,
        resources: resources?.filter((r) => open?.has(r.id)) ?? null,
      }));
  });
}

/**
 * What a booking the business places outside anyone's hours takes: the person at their place (the
 * first of theirs that delivers the mode), with the resources of the kind there; null: none does.
 */
export function offerOutsideHours(
  context: BookingContext,
  staff: readonly StaffSchedule[],
  mode?: DeliveryMode | null,
): Offer | null {
  for (const { staff: here, resources, delivery } of byLocation(context, staff, mode)) {
    const [first] = here;
    if (first) return { staff: first, delivery, resources: resources ?? null };
  }
  return null;
}

/**
 * A class's slots: its scheduled sessions (of the person and at the place chosen) starting in the
 * range, each available while it has places left, after the notice and before the horizon.
 */
async function classSlots(
  db: Database,
  tenant: Tenant,
  context: BookingContext,
  choice: Choice,
  range: DateRange,
  now: Date,
): Promise<PlacedSlot[]> {
  chosenStaff(context, choice);
  const sessions = await listClassSessions(db, tenant.id, {
    ...range,
    activityId: context.activity.id,
    staffId: choice.staffId ?? undefined,
    locationId: choice.locationId ?? undefined,
  });
  const rules = slotRulesOf(context.activity, tenant);
  const earliest = now.getTime() + rules.minimumNoticeMinutes * MINUTE_MS;
  const latest = now.getTime() + rules.maxAdvanceDays * 1440 * MINUTE_MS;
  const places = new Set(context.locations.map((l) => l.id));
  return sessions
    .filter((s) => places.has(s.locationId))
    .map((s) => {
      const start = s.startsAt.getTime();
      const remaining = Math.max(0, s.capacity - s.booked);
      return {
        start,
        available: remaining > 0 && start >= earliest && start <= latest,
        locationId: s.locationId,
        remaining,
      };
    });
}

/**
 * The slots of a bookable activity over a range (for a choice of person and place, but for the
 * appointment being moved), and its rules.
 */
export async function findSlots(
  db: Database,
  tenant: Tenant,
  activityId: string,
  range: DateRange,
  now: Date,
  choice: Choice = {},
  exceptId?: string,
): Promise<{ slots: PlacedSlot[]; rules: SlotRules; context: BookingContext }> {
  const context = await loadBookingContext(db, tenant, activityId);
  const rules = slotRulesOf(context.activity, tenant);
  if (context.activity.capacity > 1) {
    return { slots: await classSlots(db, tenant, context, choice, range, now), rules, context };
  }
  // Only what a slot of the range would hold can make it busy: from the first start's buffer
  // before to the last one's buffer after.
  const busy = await listBusyTime(
    db,
    tenant.id,
    appointmentTimes(context.activity, range.from).blockedFrom,
    appointmentTimes(context.activity, range.to).blockedUntil,
    { staffId: choice.staffId, exceptId },
  );
  return {
    slots: slotsFrom(context, chosenStaff(context, choice), busy, tenant, range, now, choice.mode),
    rules,
    context,
  };
}
