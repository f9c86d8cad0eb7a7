import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import { listAppointments } from "@/lib/appointments";
import type { DateRange } from "@/lib/availability";
import { loadOpeningHours, ownHours, staffHoursByPlace } from "@/lib/availability";
import { listClassSessions } from "@/lib/classes";
import { placeTime } from "@/lib/i18n/format";
import { listLocations } from "@/lib/locations";
import { paymentShort } from "@/lib/payments";
import { openingWindows } from "@/lib/scheduling/opening-windows";
import { listStaff } from "@/lib/staff";

const AVAILABILITY_COLOR = "#d1fae5";
const availabilityTitle = { fr: "Disponible", en: "Available" } as const;

/**
 * The admin calendar over a range, shaped for FullCalendar: opening hours (closed days have none)
 * of the business (`staffId: null`) and of each staff member (their own hours and days off), the
 * appointments of every status, each in its activity's color, with its staff member's, where
 * they are and with what; and class sessions, one event each with its places taken (their seats
 * are in the session's attendee list, not one block each).
 */
export async function calendarEvents(db: Database, tenant: Tenant, range: DateRange) {
  const [hours, rows, staff, sessions, places] = await Promise.all([
    loadOpeningHours(db, tenant),
    listAppointments(db, tenant.id, { ...range, match: "overlaps" }),
    listStaff(db, tenant.id),
    listClassSessions(db, tenant.id, range),
    listLocations(db, tenant.id),
  ]);
  // An event at a place on another clock also says its time there ("17:00 Montréal").
  const zoneOf = new Map(places.map((l) => [l.id, l.timeZone ?? tenant.timeZone]));
  const localTime = (locationId: string, at: Date) =>
    placeTime(at, zoneOf.get(locationId) ?? tenant.timeZone, tenant.timeZone, tenant.locale);
  const hoursAt = new Map(
    places.map((l) => [
      l.id,
      ownHours(hours, l.weeklyHours, l.closedDays, l.timeZone ?? tenant.timeZone),
    ]),
  );
  // A staff member's hours at each of their places, at their real instants (a Montréal place's
  // 10:00 is 16:00 in Paris).
  const calendars = [
    { staffId: null, hours },
    ...staff.flatMap((s) =>
      staffHoursByPlace(s, (l) => hoursAt.get(l)).map((at) => ({ staffId: s.id, hours: at.hours })),
    ),
  ];
  const availability = calendars.flatMap(({ staffId, hours }) =>
    openingWindows(hours, range.from, range.to).map((w) => ({
      id: `availability-${staffId ?? "business"}-${new Date(w.start).toISOString()}-${w.end}`,
      title: availabilityTitle[tenant.locale],
      start: new Date(w.start).toISOString(),
      end: new Date(w.end).toISOString(),
      color: AVAILABILITY_COLOR,
      type: "availability" as const,
      status: null,
      extendedProps: {
        appointmentId: null,
        activityId: null,
        activityName: null,
        clientName: null,
        staffId,
        staffName: null,
        staffColor: null,
        locationId: null,
        resourceId: null,
        sessionId: null,
        localTime: null,
      },
    })),
  );
  const classes = sessions.map((c) => ({
    id: `class-${c.id}`,
    title: `${c.activityName} · ${c.booked}/${c.capacity}`,
    start: c.startsAt.toISOString(),
    end: c.endsAt.toISOString(),
    color: staff.find((s) => s.id === c.staffId)?.color ?? "#475569",
    type: "class" as const,
    status: "confirmed",
    extendedProps: {
      appointmentId: null,
      activityId: c.activityId,
      activityName: c.activityName,
      clientName: `${c.booked}/${c.capacity}`,
      staffId: c.staffId,
      staffName: c.staffName,
      staffColor: null,
      locationId: c.locationId,
      resourceId: c.resourceId,
      sessionId: c.id,
      localTime: localTime(c.locationId, c.startsAt),
    },
  }));
  const booked = rows
    .filter((a) => !a.classSessionId)
    .map((a) => ({
      id: a.id,
      title: [
        `${a.activityName} – ${a.clientName}`,
        localTime(a.locationId, a.startsAt),
        a.payment ? paymentShort(a.payment.status, tenant.locale) : null,
      ]
        .filter(Boolean)
        .join(" · "),
      start: a.startsAt.toISOString(),
      end: a.endsAt.toISOString(),
      color: a.activityColor,
      type: "appointment" as const,
      status: a.status,
      extendedProps: {
        appointmentId: a.id,
        activityId: a.activityId,
        activityName: a.activityName,
        clientName: a.clientName,
        staffId: a.staffId,
        staffName: a.staffName,
        staffColor: a.staffColor,
        locationId: a.locationId,
        resourceId: a.resourceId,
        sessionId: null,
        localTime: localTime(a.locationId, a.startsAt),
      },
    }));
  return [...availability, ...booked, ...classes];
}
