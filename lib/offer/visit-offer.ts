import type { Database } from "@/db/client";
import type { DeliveryMode } from "@/db/enums";
import type { Tenant } from "@/db/schema";
import type { DateRange } from "@/lib/availability";
import { AppError } from "@/lib/errors/app-error";
import { dayInZone } from "@/lib/scheduling/calendar-day";
import { candidateStarts, mergeIntervals, type SlotRules } from "@/lib/scheduling/compute-slots";
import { DAY_MS, MINUTE_MS } from "@/lib/scheduling/durations";
import { type OpeningHours, openingWindows } from "@/lib/scheduling/opening-windows";
import { assignVisit, type VisitItem, type VisitPart } from "@/lib/scheduling/visit-slots";
import {
  type BookingContext,
  chosenStaff,
  deliveryAt,
  type LocationSchedule,
  loadBookingContext,
  slotRulesOf,
} from "./booking-context";
import { shapeWeek } from "./booking-week";
import { type BusyTime, listBusyTime } from "./busy-time";
import type { PlacedSlot } from "./find-slots";

/** A visit asked for: its services in order (each with someone chosen or not), and where. */
export interface VisitChoice {
  items: readonly { activityId: string; staffId?: string | null }[];
  locationId?: string | null;
}

/** The services of a visit, checked: each bookable on its own, none a class or twice. */
export interface VisitContexts {
  contexts: BookingContext[];
  /** The whole visit's length, from the first start to the last end. */
  totalMs: number;
}

// Busy time is read this far around a visit, enough for any buffers.
const BUSY_MARGIN = 1440 * MINUTE_MS;

export async function loadVisitContexts(
  db: Database,
  tenant: Tenant,
  choice: VisitChoice,
  forCustomer: boolean,
): Promise<VisitContexts> {
  const contexts = await Promise.all(
    choice.items.map((i) => loadBookingContext(db, tenant, i.activityId)),
  );
  const seen = new Set<string>();
  contexts.forEach((context, i) => {
    const { activity } = context;
    const problem = (text: "classInVisit" | "sameServiceTwice") => {
      throw new AppError("VALIDATION_ERROR", { [`items.${i}.activityId`]: { text } });
    };
    if (forCustomer && !activity.onlineBooking) {
      throw new AppError("NOT_FOUND", { [`items.${i}.activityId`]: { text: "noSuchActivity" } });
    }
    if (activity.capacity > 1) problem("classInVisit");
    if (seen.has(activity.id)) problem("sameServiceTwice");
    seen.add(activity.id);
    // Someone chosen must perform it (checked here so that the answer names the service).
    chosenStaff(context, { staffId: choice.items[i]?.staffId });
  });
  const totalMs = contexts.reduce((sum, c) => sum + c.activity.durationMinutes * MINUTE_MS, 0);
  return { contexts, totalMs };
}

/** A function of one argument that works each value out once. */
function memo<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key) as V;
  };
}

/** A place where the whole visit can happen, and its services' timelines there. */
interface VisitPlace {
  location: LocationSchedule;
  delivery: DeliveryMode[];
  items: VisitItem[];
  /** The distinct hours of those who could perform the first service there. */
  firstHours: Set<OpeningHours>;
}

/**
 * The places where every service of the visit is offered (the first place's mode for each), with
 * who could perform each there, their windows over [from, to + the visit's length) and busy time.
 */
function visitPlaces(
  visit: VisitContexts,
  choice: VisitChoice,
  busy: BusyTime,
  from: number,
  to: number,
): VisitPlace[] {
  const [first] = visit.contexts;
  if (!first) return [];
  const windowsTo = to + visit.totalMs;
  // Most people share their place's hours (one object): their windows are worked out once, and
  // each timeline's busy time once whatever the services it is on.
  const windows = memo((hours: OpeningHours) => openingWindows(hours, from, windowsTo));
  const merged = memo((id: string) =>
    mergeIntervals(busy.staff.get(id) ?? busy.resources.get(id) ?? []),
  );
  const timeline = (x: { id: string; hours: OpeningHours }) => ({
    id: x.id,
    windows: windows(x.hours),
    busy: merged(x.id),
  });
  return first.locations.flatMap((location) => {
    if (choice.locationId && location.id !== choice.locationId) return [];
    const delivery: DeliveryMode[] = [];
    const items: VisitItem[] = [];
    const firstHours = new Set<OpeningHours>();
    for (const [i, context] of visit.contexts.entries()) {
      const mode = deliveryAt(context.activity, location);
      const staff = chosenStaff(context, { staffId: choice.items[i]?.staffId }).filter(
        (s) => s.locationId === location.id,
      );
      const resources =
        mode === "in_person" && context.activity.resourceKind !== null
          ? context.resources.filter((r) => r.locationId === location.id)
          : undefined;
      if (!mode || !staff.length || (resources && !resources.length)) return [];
      if (i === 0) for (const s of staff) firstHours.add(s.hours);
      delivery.push(mode);
      items.push({
        durationMinutes: context.activity.durationMinutes,
        bufferBeforeMinutes: context.activity.bufferBeforeMinutes,
        bufferAfterMinutes: context.activity.bufferAfterMinutes,
        staff: staff.map(timeline),
        resources: resources?.map(timeline),
      });
    }
    return [{ location, delivery, items, firstHours }];
  });
}

/** The starts the first service's slots offer at a place (its grid, inside someone's hours). */
function firstStarts(
  visit: VisitContexts,
  tenant: Tenant,
  place: VisitPlace,
  from: number,
  to: number,
): number[] {
  const [first] = visit.contexts as [BookingContext];
  const rules = slotRulesOf(first.activity, tenant);
  const starts = new Set<number>();
  // Once per distinct hours (most people share their place's).
  for (const hours of place.firstHours) {
    for (const start of candidateStarts(hours, { from, to, rules })) starts.add(start);
  }
  return [...starts].sort((a, b) => a - b);
}

/** Whether the first service's rules let a visit start then (notice, horizon). */
function inBookingWindow(visit: VisitContexts, tenant: Tenant, start: number, now: Date) {
  const rules = slotRulesOf((visit.contexts[0] as BookingContext).activity, tenant);
  return (
    start >= now.getTime() + rules.minimumNoticeMinutes * MINUTE_MS &&
    start <= now.getTime() + rules.maxAdvanceDays * 1440 * MINUTE_MS
  );
}

/**
 * A visit's slots over a range: each start the first service offers, available when every
 * service, back to back, has someone free (and a resource it needs) at the same place.
 */
export async function findVisitSlots(
  db: Database,
  tenant: Tenant,
  choice: VisitChoice,
  range: DateRange,
  now: Date,
  // The visit's services, when the caller has read them already.
  loaded?: VisitContexts,
): Promise<{ slots: PlacedSlot[]; rules: SlotRules; several: boolean }> {
  const visit = loaded ?? (await loadVisitContexts(db, tenant, choice, true));
  const busy = await listBusyTime(
    db,
    tenant.id,
    range.from - BUSY_MARGIN,
    range.to + visit.totalMs + BUSY_MARGIN,
  );
  const places = visitPlaces(visit, choice, busy, range.from, range.to);
  const slots = places.flatMap((place) =>
    firstStarts(visit, tenant, place, range.from, range.to).map((start) => ({
      start,
      locationId: place.location.id,
      available:
        inBookingWindow(visit, tenant, start, now) && assignVisit(place.items, start) !== null,
    })),
  );
  const [first] = visit.contexts as [BookingContext];
  return {
    slots: places.length > 1 ? slots.sort((a, b) => a.start - b.start) : slots,
    // The first service's rules say when the passing of time changes a slot.
    rules: slotRulesOf(first.activity, tenant),
    several: first.locations.length > 1,
  };
}

/** Who performs each service of a visit starting at `start`, where and how; null: nobody can. */
export async function planVisit(
  db: Database,
  tenant: Tenant,
  visit: VisitContexts,
  choice: VisitChoice,
  start: number,
  now: Date,
): Promise<{ location: LocationSchedule; delivery: DeliveryMode[]; parts: VisitPart[] } | null> {
  if (!inBookingWindow(visit, tenant, start, now)) return null;
  const busy = await listBusyTime(
    db,
    tenant.id,
    start - BUSY_MARGIN,
    start + visit.totalMs + BUSY_MARGIN,
  );
  for (const place of visitPlaces(visit, choice, busy, start, start + 1)) {
    if (!firstStarts(visit, tenant, place, start, start + 1).includes(start)) continue;
    const parts = assignVisit(place.items, start);
    if (parts) return { location: place.location, delivery: place.delivery, parts };
  }
  return null;
}

/**
 * A week of the times a visit can start, for the visit page (the booking week's shape, with the
 * services in order): the first week with a free start unless one is asked for.
 */
export async function loadVisitWeek(
  db: Database,
  tenant: Tenant,
  choice: VisitChoice,
  options: { week?: string; timeZone: string },
  now: Date,
) {
  const visit = await loadVisitContexts(db, tenant, choice, true);
  const [first] = visit.contexts as [BookingContext];
  const from = now.getTime();
  const to = from + (first.activity.maxAdvanceDays + 1) * DAY_MS;
  const { slots } = await findVisitSlots(db, tenant, choice, { from, to }, now, visit);
  const free = [...new Set(slots.filter((s) => s.available).map((s) => s.start))];
  return {
    activities: visit.contexts.map((c) => c.activity),
    staff: [],
    staffId: null,
    timeZone: options.timeZone,
    ...shapeWeek(free, first.hours, {
      timeZone: options.timeZone,
      week: options.week,
      today: dayInZone(now, options.timeZone),
      to,
    }),
    places: {},
    activity: { maxAdvanceDays: first.activity.maxAdvanceDays },
  };
}
