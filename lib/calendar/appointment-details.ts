import { formatInTimeZone } from "date-fns-tz";
import { and, eq, gt, inArray, lt, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  type AppointmentStatus,
  activities,
  appointmentStatuses,
  appointments,
  holdingStatuses,
  locations,
  type MessageKind,
  type MessageStatus,
  type Tenant,
} from "@/db/schema";
import { canTransition, getAppointment, holdsTime } from "@/lib/appointments";
import { historyOf } from "@/lib/audit";
import { formatDateTime, formatPrice, formatTime, placeTime } from "@/lib/i18n/format";
import { messagesOfAppointment } from "@/lib/messages";
import { describePayment, type PaymentDescription } from "@/lib/payments";

/** One appointment as the dashboard's details panel shows it, formatted for the business. */
export interface AppointmentDetails {
  id: string;
  activityId: string;
  locationId: string;
  activityName: string;
  activityColor: string;
  when: string;
  startsAt: string;
  /** The start on the business's wall clock ("2026-11-24T10:00"), where a move starts from. */
  wallClockStart: string;
  staff: { id: string; name: string };
  /** Where and with what: named when it has them (a room, an online location's video link). */
  place: { location: string; resource: string | null; meetingUrl: string | null };
  status: AppointmentStatus;
  price: string;
  client: {
    /** Their customer file, when they left an e-mail address. */
    customerId: string | null;
    name: string;
    email: string | null;
    phone: string | null;
    address: string | null;
    customField: { label: string; value: string } | null;
  };
  /** The statuses it may move to now. */
  nextStatuses: AppointmentStatus[];
  canMove: boolean;
  /** The same customer's other bookings holding time that overlaps this one's (a double booking). */
  overlapping: { when: string; activityName: string }[];
  history: { at: string; action: string; status: AppointmentStatus | null; by: string }[];
  /** What the customer paid online, in words, and what may still be refunded. */
  payment: PaymentDescription | null;
  /** What the customer and the business were sent about it, and when (or when it is due). */
  messages: {
    kind: MessageKind;
    recipient: "customer" | "business";
    status: MessageStatus;
    at: string;
  }[];
}

const statusOf = (value: unknown): AppointmentStatus | null => {
  const status = (value as { status?: unknown } | null)?.status;
  return appointmentStatuses.includes(status as AppointmentStatus)
    ? (status as AppointmentStatus)
    : null;
};

export async function appointmentDetails(
  db: Database,
  tenant: Tenant,
  id: string,
  now: Date,
): Promise<AppointmentDetails> {
  const a = await getAppointment(db, tenant.id, id);
  const [[activity], history, messages, overlapping] = await Promise.all([
    db
      .select({
        priceMinor: activities.priceMinor,
        customFieldLabel: activities.customFieldLabel,
        placeZone: sql<string | null>`(select ${locations.timeZone} from ${locations}
          where ${locations.tenantId} = ${tenant.id} and ${locations.id} = ${a.locationId})`,
      })
      .from(activities)
      .where(and(eq(activities.tenantId, tenant.id), eq(activities.id, a.activityId))),
    historyOf(db, tenant.id, "appointment", id),
    messagesOfAppointment(db, tenant.id, id),
    a.customerId && holdsTime(a.status)
      ? db
          .select({ startsAt: appointments.startsAt, activityName: activities.name })
          .from(appointments)
          .innerJoin(
            activities,
            and(
              eq(activities.tenantId, appointments.tenantId),
              eq(activities.id, appointments.activityId),
            ),
          )
          .where(
            and(
              eq(appointments.tenantId, tenant.id),
              eq(appointments.customerId, a.customerId),
              ne(appointments.id, a.id),
              inArray(appointments.status, [...holdingStatuses]),
              lt(appointments.startsAt, a.endsAt),
              gt(appointments.endsAt, a.startsAt),
            ),
          )
      : [],
  ]);
  const { locale, timeZone } = tenant;
  // At a place on another clock, each time also in its time there ("17:00 Montréal").
  const there = (at: Date) => {
    const local = placeTime(at, activity?.placeZone ?? timeZone, timeZone, locale);
    return local ? ` (${local})` : "";
  };
  return {
    id: a.id,
    activityId: a.activityId,
    activityName: a.activityName,
    activityColor: a.activityColor,
    locationId: a.locationId,
    when: `${formatDateTime(a.startsAt, timeZone, locale)} – ${formatTime(a.endsAt, timeZone, locale)}${there(a.startsAt)}`,
    startsAt: a.startsAt.toISOString(),
    wallClockStart: formatInTimeZone(a.startsAt, timeZone, "yyyy-MM-dd'T'HH:mm"),
    staff: { id: a.staffId, name: a.staffName },
    place: { location: a.locationName, resource: a.resourceName, meetingUrl: a.meetingUrl },
    status: a.status,
    price: formatPrice(activity?.priceMinor ?? 0, tenant.currency, locale),
    payment: a.payment ? describePayment(a.payment, tenant) : null,
    client: {
      customerId: a.customerId,
      name: a.clientName,
      email: a.clientEmail,
      phone: a.clientPhone,
      address: a.clientAddress,
      customField: a.clientCustomFieldValue
        ? { label: activity?.customFieldLabel ?? "", value: a.clientCustomFieldValue }
        : null,
    },
    nextStatuses: appointmentStatuses.filter(
      (s) => s !== a.status && canTransition(a.status, s, a.startsAt, now),
    ),
    canMove: holdsTime(a.status),
    overlapping: overlapping.map((o) => ({
      when: `${formatDateTime(o.startsAt, timeZone, locale)}${there(o.startsAt)}`,
      activityName: o.activityName,
    })),
    history: history.map((h) => ({
      at: formatDateTime(h.createdAt, timeZone, locale),
      action: h.action,
      status: statusOf(h.after),
      by: h.actorType === "customer" ? "customer" : (h.actorLabel ?? h.actorType),
    })),
    messages: messages.map((m) => ({
      // The customer's first message of a booking confirmed at once (or by its payment) is its
      // confirmation, and is listed as one.
      kind:
        m.kind === "booked" && m.recipient === "customer" && m.payload.status === "confirmed"
          ? "confirmed"
          : m.kind,
      recipient: m.recipient,
      status: m.status,
      at: `${formatDateTime(m.sentAt ?? m.sendAfter, timeZone, locale)}${there(m.sentAt ?? m.sendAfter)}`,
    })),
  };
}
