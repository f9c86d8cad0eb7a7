import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { DeliveryMode, PlacedWindow } from "@/db/enums";
import {
  type Activity,
  activities,
  locations,
  resources,
  staffMembers,
  staffServices,
  type Tenant,
} from "@/db/schema";
import {
  openingHoursColumns,
  ownHours,
  staffHoursByPlace,
  toOpeningHours,
} from "@/lib/availability";
import { boundedCache } from "@/lib/cache/bounded-cache";
import { AppError } from "@/lib/errors/app-error";
import { DEFAULT_MEETING_BASE_URL } from "@/lib/locations";
import type { SlotRules } from "@/lib/scheduling/compute-slots";
import { MINUTE_MS } from "@/lib/scheduling/durations";
import type { OpeningHours } from "@/lib/scheduling/opening-windows";

/**
 * A staff member who performs the activity, with the hours they work at one place: someone who
 * works at several places has one of these for each, all on their one timeline (their id).
 */
export interface StaffSchedule {
  id: string;
  name: string;
  color: string;
  locationId: string;
  hours: OpeningHours;
}

/** A resource of the kind the activity needs, with its hours and where it is. */
export interface ResourceSchedule {
  id: string;
  name: string;
  locationId: string;
  hours: OpeningHours;
}

/** A live location of the business, with its hours in its own time zone. */
export interface LocationSchedule {
  id: string;
  name: string;
  timeZone: string;
  online: boolean;
  meetingBaseUrl: string | null;
  hours: OpeningHours;
}

/** What booking an activity depends on, busy time aside. */
export interface BookingContext {
  activity: Activity;
  /** The business's own opening hours and closed days (with their public reasons). */
  hours: OpeningHours;
  /** The business's live locations, in its order. */
  locations: LocationSchedule[];
  /** The live staff members who perform it, in the business's order. */
  staff: StaffSchedule[];
  /** The live resources of the kind it needs (none when it needs none), in the business's order. */
  resources: ResourceSchedule[];
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

type OwnHours = [PlacedWindow[] | null, { date: string }[]];
type StaffColumns = [string, string, string, string, ...OwnHours];
type ResourceColumns = [string, string, string, ...OwnHours];
type LocationColumns = [string, string, string | null, boolean, string | null, ...OwnHours];

async function readBookingContext(
  db: Database,
  tenant: Tenant,
  activityId: string,
): Promise<BookingContext> {
  const [found] = await db
    .select({
      activity: activities,
      ...openingHoursColumns(tenant.id),
      locations: sql<string>`(select coalesce(json_agg(json_build_array(l.id, l.name, l.time_zone,
          l.online, l.meeting_base_url, l.weekly_hours, l.closed_days)
          order by l.position, l.created_at, l.id), '[]')
        from ${locations} l where l.tenant_id = ${tenant.id} and l.deleted_at is null)::text`,
      staff: sql<string>`(select coalesce(json_agg(json_build_array(s.id, s.name, s.color,
          s.location_id, s.weekly_hours, s.closed_days) order by s.position, s.created_at, s.id), '[]')
        from ${staffMembers} s join ${staffServices} ss
          on ss.tenant_id = s.tenant_id and ss.staff_id = s.id
        where s.tenant_id = ${tenant.id} and ss.activity_id = ${activityId}
          and s.deleted_at is null)::text`,
      resources: sql<string>`(select coalesce(json_agg(json_build_array(r.id, r.name,
          r.location_id, r.weekly_hours, r.closed_days) order by r.position, r.created_at, r.id), '[]')
        from ${resources} r, ${activities} a
        where r.tenant_id = ${tenant.id} and r.deleted_at is null
          and a.tenant_id = ${tenant.id} and a.id = ${activityId} and r.kind = a.resource_kind)::text`,
    })
    .from(activities)
    .where(
      and(
        eq(activities.tenantId, tenant.id),
        eq(activities.id, activityId),
        isNull(activities.deletedAt),
      ),
    );
  if (!found) throw new AppError("NOT_FOUND", { activityId: { text: "noSuchActivity" } });
  const hours = toOpeningHours(tenant, found);
  const places = (JSON.parse(found.locations) as LocationColumns[]).map(
    ([id, name, zone, online, meetingBaseUrl, weekly, daysOff]) => ({
      id,
      name,
      timeZone: zone ?? tenant.timeZone,
      online,
      meetingBaseUrl: online ? (meetingBaseUrl ?? DEFAULT_MEETING_BASE_URL) : null,
      hours: ownHours(hours, weekly, daysOff, zone ?? tenant.timeZone),
    }),
  );
  const hoursAt = new Map(places.map((l) => [l.id, l.hours]));
  // Someone or something at a location removed meanwhile is nowhere customers can go.
  const placed = <T extends { locationId: string }>(list: T[]) =>
    list.filter((x) => hoursAt.has(x.locationId));
  const staff = (JSON.parse(found.staff) as StaffColumns[]).flatMap(
    ([id, name, color, locationId, weeklyHours, closedDays]) =>
      staffHoursByPlace({ locationId, weeklyHours, closedDays }, (l) => hoursAt.get(l)).map(
        (at) => ({ id, name, color, ...at }),
      ),
  );
  const needed = placed(
    (JSON.parse(found.resources) as ResourceColumns[]).map(
      ([id, name, locationId, weekly, daysOff]) => ({ id, name, locationId, weekly, daysOff }),
    ),
  ).map(({ weekly, daysOff, ...r }) => ({
    ...r,
    hours: ownHours(hoursAt.get(r.locationId) as OpeningHours, weekly, daysOff),
  }));
  return { activity: found.activity, hours, locations: places, staff, resources: needed };
}

/**
 * The times of an appointment of this activity starting at `start`: its own end, and the range it
 * holds, widened by the activity's buffers (what the no-overlap constraint compares).
 */
export function appointmentTimes(activity: Activity, start: number) {
  const end = start + activity.durationMinutes * MINUTE_MS;
  return {
    end,
    blockedFrom: start - activity.bufferBeforeMinutes * MINUTE_MS,
    blockedUntil: end + activity.bufferAfterMinutes * MINUTE_MS,
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

/**
 * A customer's or the business's choice: someone, somewhere, in person or on video, or (left out)
 * anyone, anywhere, as the service is usually delivered.
 */
export interface Choice {
  staffId?: string | null;
  locationId?: string | null;
  mode?: DeliveryMode | null;
}

/**
 * How a booking of the activity at this place is delivered, for a choice of mode; null: it is not
 * offered there. An online location is a virtual place: everything there happens on video. At a
 * place, a mode left out is in person when the service is delivered in person at all.
 */
export function deliveryAt(
  activity: Pick<Activity, "modes">,
  location: Pick<LocationSchedule, "online">,
  mode?: DeliveryMode | null,
): DeliveryMode | null {
  if (location.online) return mode === "in_person" ? null : "online";
  if (mode) return activity.modes.includes(mode) ? mode : null;
  return activity.modes.includes("in_person") ? "in_person" : "online";
}

/**
 * The staff a choice narrows to: those at the location chosen, and of them the one chosen (if
 * they perform it), or everyone who does.
 */
export function chosenStaff(context: BookingContext, choice: Choice): StaffSchedule[] {
  let staff = context.staff;
  if (choice.locationId) {
    if (!context.locations.some((l) => l.id === choice.locationId)) {
      throw new AppError("VALIDATION_ERROR", { locationId: { text: "noSuchLocation" } });
    }
    staff = staff.filter((s) => s.locationId === choice.locationId);
  }
  if (!choice.staffId) return staff;
  const member = staff.filter((s) => s.id === choice.staffId);
  if (!member.length) {
    throw new AppError("VALIDATION_ERROR", { staffId: { text: "notPerformer" } });
  }
  return member;
}
