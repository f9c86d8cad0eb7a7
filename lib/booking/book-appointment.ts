import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { type Database, queryRows } from "@/db/client";
import { holdsOwnTime } from "@/db/holding-time";
import {
  activities,
  appointments,
  locations,
  resources,
  staffMembers,
  type Tenant,
} from "@/db/schema";
import type { BookingInput } from "@/lib/appointments";
import { type Actor, customerActor, scheduleChangeCtes } from "@/lib/audit";
import { toInstant } from "@/lib/availability";
import { customerCte } from "@/lib/customers";
import { AppError } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/errors/to-app-error";
import { newMeetingUrl } from "@/lib/locations";
import { metrics } from "@/lib/metrics";
import {
  appointmentTimes,
  type BookingContext,
  chosenStaff,
  type LocationSchedule,
  loadBookingContext,
  type Offer,
  offerOutsideHours,
  offersAt,
  type ResourceSchedule,
  type StaffSchedule,
} from "@/lib/offer";
import { owedMessages, reminderLead } from "@/lib/outbox";
import { alongCte, paymentDue, startCheckout } from "@/lib/payments";
import { addDays, dayInZone, zonedInstant } from "@/lib/scheduling/calendar-day";
import { assertOpenForBooking } from "@/lib/tenants";
import { bookSeat } from "./book-seat";
import {
  type AlongBooking,
  type BookedAppointment,
  type BookingOptions,
  initialStatus,
  newBookingFields,
  type OweOnBooking,
} from "./booking-result";
import { consentTimes } from "./consent";
import { newManageToken } from "./manage-token";
import { missingRequiredFields, requiredProblems } from "./required-fields";
import { timeLocks, withDeadlockRetry } from "./time-locks";

export function oweOnBooking(
  context: BookingContext,
  input: BookingInput,
  start: number,
  status: "pending" | "confirmed",
  now: Date,
  actor: Actor,
  options: BookingOptions,
): OweOnBooking {
  return (manageToken) =>
    owedMessages({
      event: "booked",
      actor,
      customerEmail: input.clientInfo.email,
      startsAt: new Date(start),
      reminderLead: reminderLead(context.activity, input.reminderMinutes),
      sequence: 0,
      status,
      manageUrl: options.manageLink?.(manageToken),
      now,
    });
}

/**
 * Books an appointment (pending unless told otherwise) at a start time that the slots would offer
 * as available right now, with the staff member chosen, or else one who is free ("no preference").
 *
 * The slot engine checks everything but busy time (the grid, the hours, closed days, notice,
 * horizon); busy time is exactly what the no-overlap exclusion constraint enforces per staff
 * member, on the same buffered ranges, so the insert itself settles it: of two bookings of one
 * person at overlapping times, one gets SLOT_UNAVAILABLE, however many app instances there are.
 */
export async function bookAppointment(
  db: Database,
  tenant: Tenant,
  input: BookingInput,
  now: Date,
  actor?: Actor,
  options?: BookingOptions & { outsideHours?: "refuse" | "allow" },
): Promise<BookedAppointment>;
export async function bookAppointment(
  db: Database,
  tenant: Tenant,
  input: BookingInput,
  now: Date,
  actor: Actor,
  options: BookingOptions,
): Promise<BookedAppointment | "outsideHours">;
export async function bookAppointment(
  db: Database,
  tenant: Tenant,
  input: BookingInput,
  now: Date,
  actor: Actor = customerActor,
  options: BookingOptions = {},
): Promise<BookedAppointment | "outsideHours"> {
  try {
    let booked = await book(db, tenant, input, now, actor, options);
    if (booked !== "outsideHours") {
      if (booked.dueOnBooking) booked = await startCheckout(db, tenant, booked, options, now);
      metrics().bookings.inc({ outcome: "created" });
    }
    return booked;
  } catch (error) {
    metrics().bookings.inc({ outcome: toAppError(error).code });
    throw error;
  }
}

async function book(
  db: Database,
  tenant: Tenant,
  input: BookingInput,
  now: Date,
  actor: Actor,
  options: BookingOptions,
): Promise<BookedAppointment | "outsideHours"> {
  if (actor.type === "customer") assertOpenForBooking(tenant);
  const context = await loadBookingContext(db, tenant, input.activityId);
  const { activity } = context;
  // A service hidden from online booking is one customers cannot see, so cannot book.
  if (actor.type === "customer" && !activity.onlineBooking) {
    throw new AppError("NOT_FOUND", { activityId: { text: "noSuchActivity" } });
  }
  const missing = missingRequiredFields(activity, input.clientInfo);
  // With the problems, so that a form marks the empty field (the public one, the walk-in).
  if (missing)
    throw new AppError("VALIDATION_ERROR", missing, undefined, requiredProblems(missing));

  const candidates = chosenStaff(context, input);
  const start = toInstant(input.dateTime, choiceZone(context, candidates, tenant));
  const due = paymentDue(activity, tenant, actor, options.stripe ?? null, now);
  // Unpaid, a booking only holds its time; the payment confirms it.
  const status = initialStatus(tenant, actor, due, options);
  const consent = consentTimes(tenant, input, actor.type === "customer", now);
  const along = {
    owe: oweOnBooking(context, input, start, status, now, actor, options),
    due,
    now,
    consent,
  };
  if (activity.capacity > 1) {
    return bookSeat(db, tenant, context, candidates, input, start, now, actor, options, along);
  }
  let offers = offersAt(context, candidates, tenant, start, now, input.mode);
  if (!offers.length) {
    const outsideHours = options.outsideHours ?? "refuse";
    const anyway = offerOutsideHours(context, candidates, input.mode);
    if (outsideHours === "ask" && anyway) return "outsideHours";
    if (outsideHours !== "allow" || !anyway) throw new AppError("SLOT_UNAVAILABLE");
    offers = [anyway];
  }
  const insert = (offer: Offer, resource: ResourceSchedule | null) =>
    withDeadlockRetry(() =>
      insertBooking(db, tenant, context, offer, resource, input, start, status, actor, along),
    );
  const [only] = offers;
  if (offers.length === 1 && only && (only.resources?.length ?? 1) === 1) {
    return insert(only, only.resources?.[0] ?? null);
  }

  // No preference: the free one with the fewest bookings that day, then the business's order,
  // with the first resource of their place that is free; if the constraints refuse them (someone
  // booked them meanwhile), the next pair.
  const { staffIds, freeResources } = await fairOrder(db, tenant, context, offers, start);
  // Someone free at two of their places then: the first place.
  const byId = new Map(offers.toReversed().map((o) => [o.staff.id, o]));
  for (const id of staffIds) {
    const offer = byId.get(id) as Offer;
    const resources = offer.resources
      ? offer.resources.filter((r) => freeResources.has(r.id))
      : [null];
    for (const resource of resources) {
      try {
        return await attempt(db, () => insert(offer, resource));
      } catch (error) {
        if (toAppError(error).code !== "SLOT_UNAVAILABLE") throw error;
      }
    }
  }
  throw new AppError("SLOT_UNAVAILABLE");
}

/**
 * The zone of a date-time without an offset: that of the one place the choice leaves (a chosen
 * location, a chosen person's), else the business's.
 */
function choiceZone(context: BookingContext, staff: StaffSchedule[], tenant: Tenant): string {
  const zones = new Set(
    staff.map((s) => context.locations.find((l) => l.id === s.locationId)?.timeZone),
  );
  const [zone] = zones;
  return zones.size === 1 && zone ? zone : tenant.timeZone;
}

/**
 * The staff members of the offers who are free at `start` as far as committed bookings show, the
 * one with the fewest bookings that day (in the business's zone) first, ties in the given order;
 * and the resources of the offers that are free then.
 */
async function fairOrder(
  db: Database,
  tenant: Tenant,
  context: BookingContext,
  offers: Offer[],
  start: number,
): Promise<{ staffIds: string[]; freeResources: Set<string> }> {
  const ids = [...new Set(offers.map((o) => o.staff.id))];
  const resourceIds = [...new Set(offers.flatMap((o) => o.resources?.map((r) => r.id) ?? []))];
  const { blockedFrom, blockedUntil } = appointmentTimes(context.activity, start);
  const day = dayInZone(start, tenant.timeZone);
  const iso = (ms: number) => new Date(ms).toISOString();
  const dayFrom = iso(zonedInstant(day, 0, tenant.timeZone));
  const dayTo = iso(zonedInstant(addDays(day, 1), 0, tenant.timeZone));
  const wanted = sql`tstzrange(${iso(blockedFrom)}::timestamptz, ${iso(blockedUntil)}::timestamptz, '[)')`;
  const uuids = (list: string[]) =>
    sql.join(
      list.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
  const rows = await queryRows<{ staff_id: string; n: number; busy: boolean }>(
    db,
    sql`select staff_id,
          count(*) filter (where starts_at >= ${dayFrom}::timestamptz
                             and starts_at < ${dayTo}::timestamptz)::int as n,
          bool_or(tstzrange(blocked_from, blocked_until, '[)') && ${wanted}) as busy
        from ${appointments}
        where tenant_id = ${tenant.id}
          and staff_id in (${uuids(ids)})
          and ${holdsOwnTime}
          and (tstzrange(blocked_from, blocked_until, '[)') && ${wanted}
               or (starts_at >= ${dayFrom}::timestamptz and starts_at < ${dayTo}::timestamptz))
        group by staff_id`,
  );
  const busyResources = resourceIds.length
    ? await queryRows<{ resource_id: string }>(
        db,
        sql`select distinct resource_id from ${appointments}
            where tenant_id = ${tenant.id} and resource_id in (${uuids(resourceIds)})
              and ${holdsOwnTime}
              and tstzrange(blocked_from, blocked_until, '[)') && ${wanted}`,
      )
    : [];
  const load = new Map(rows.map((r) => [r.staff_id, r]));
  const taken = new Set(busyResources.map((r) => r.resource_id));
  return {
    staffIds: ids
      .filter((id) => !load.get(id)?.busy)
      .map((id, order) => ({ id, order, n: load.get(id)?.n ?? 0 }))
      .sort((a, b) => a.n - b.n || a.order - b.order)
      .map((c) => c.id),
    freeResources: new Set(resourceIds.filter((id) => !taken.has(id))),
  };
}

/** Runs one try so that its failure leaves a surrounding transaction usable (a savepoint). */
const attempt = <T>(db: Database, run: () => Promise<T>): Promise<T> =>
  db instanceof PgTransaction ? db.transaction(run) : run();

/**
 * One statement, so one transaction and one round trip (exported for visits, which book several
 * in one transaction):
 * - the time locks of the staff member's (and the resource's) buffered range (see timeLocks);
 * - a share lock on the activity, the staff member and the resource, still live, so that deleting
 *   any of them waits for the booking;
 * - the insert, and the schedule change (version bump, audit entry without the customer's details).
 */
export async function insertBooking(
  db: Database,
  tenant: Tenant,
  context: BookingContext,
  { staff, delivery }: Offer,
  resource: ResourceSchedule | null,
  input: BookingInput,
  start: number,
  status: "pending" | "confirmed",
  actor: Actor,
  along: AlongBooking,
): Promise<BookedAppointment> {
  const { activity } = context;
  const { end, blockedFrom, blockedUntil } = appointmentTimes(activity, start);
  const location = context.locations.find((l) => l.id === staff.locationId) as LocationSchedule;
  const meetingUrl = delivery === "online" ? newMeetingUrl(location) : null;
  const iso = (ms: number) => new Date(ms).toISOString();
  const c = input.clientInfo;
  const manage = newManageToken();
  const owed = along.owe(manage.token);
  const [row] = await queryRows<{
    id: string;
    created_at: string | Date;
    customer_id: string | null;
  }>(
    db,
    sql`with locks as (
          ${timeLocks(tenant.id, staff.id, blockedFrom, blockedUntil)}
          ${resource ? sql`union all ${timeLocks(tenant.id, resource.id, blockedFrom, blockedUntil)}` : sql``}
        ), live as (
          select a.id as activity_id, s.id as staff_id, l.id as location_id
          from ${activities} a, ${staffMembers} s, ${locations} l
            ${resource ? sql`, ${resources} r` : sql``}
          where a.tenant_id = ${tenant.id} and a.id = ${activity.id} and a.deleted_at is null
            and s.tenant_id = ${tenant.id} and s.id = ${staff.id} and s.deleted_at is null
            and l.tenant_id = ${tenant.id} and l.id = ${location.id} and l.deleted_at is null
            and (select min(n) from locks) >= 0
            ${
              resource
                ? sql`and r.tenant_id = ${tenant.id} and r.id = ${resource.id}
                      and r.deleted_at is null and r.location_id = l.id`
                : sql``
            }
          for share of a, s, l ${resource ? sql`, r` : sql``}
        )${customerCte(tenant.id, c, sql`live`, along.now)}, inserted as (
          insert into ${appointments} (tenant_id, activity_id, staff_id, location_id, resource_id,
            starts_at, ends_at, blocked_from, blocked_until, status, client_name, client_email,
            client_phone, client_address, client_custom_field_value, manage_token_hash, meeting_url,
            reminder_minutes, customer_id, visit_id,
            privacy_accepted_at, marketing_opt_in_at)
          select ${tenant.id}, activity_id, staff_id, location_id, ${resource?.id ?? null}::uuid,
            ${iso(start)}::timestamptz, ${iso(end)}::timestamptz, ${iso(blockedFrom)}::timestamptz,
            ${iso(blockedUntil)}::timestamptz, ${status}::appointment_status,
            ${c.name}, ${c.email}, ${c.phone}, ${c.address}, ${c.customFieldValue}, ${manage.hash},
            ${meetingUrl}, ${input.reminderMinutes}::int, (select id from cust),
            ${along.visitId ?? null}::uuid, ${along.consent.privacyAcceptedAt?.toISOString() ?? null}::timestamptz,
            ${along.consent.marketingOptInAt?.toISOString() ?? null}::timestamptz
          from live
          returning id, tenant_id, activity_id, staff_id, resource_id, starts_at, status, created_at,
            customer_id
        ), ${scheduleChangeCtes(tenant.id, actor, {
          action: "appointment.create",
          entityType: "appointment",
          entityId: sql`id::text`,
          before: sql`null::jsonb`,
          after: sql`jsonb_build_object('activityId', activity_id, 'staffId', staff_id,
            'resourceId', resource_id, 'startsAt', starts_at, 'status', status)`,
          source: sql`inserted`,
        })}${alongCte(tenant.id, along, owed, sql`inserted`)}
        select id, created_at, customer_id from inserted`,
  );
  // No row: the activity, the staff member or the resource was deleted since they were read.
  if (!row) throw new AppError("NOT_FOUND", { activityId: { text: "noSuchActivity" } });
  return {
    ...newBookingFields({ tenantId: tenant.id, status, input, manage, along, owed, row }),
    id: row.id,
    activityId: activity.id,
    staffId: staff.id,
    locationId: location.id,
    resourceId: resource?.id ?? null,
    classSessionId: null,
    seat: null,
    seatCapacity: null,
    meetingUrl,
    startsAt: new Date(start),
    endsAt: new Date(end),
    blockedFrom: new Date(blockedFrom),
    blockedUntil: new Date(blockedUntil),
    activityName: activity.name,
    activityColor: activity.color,
    staffName: staff.name,
    staffColor: staff.color,
    locationName: location.name,
    resourceName: resource?.name ?? null,
  };
}
