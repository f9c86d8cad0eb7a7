import { createEvent } from "ics";
import type { AppointmentStatus, Tenant } from "@/db/schema";

/**
 * An iCalendar file of one booking, for the customer's own calendar; times in UTC. A cancelled
 * booking's file is a cancellation (METHOD:CANCEL) that frees the time where it was imported.
 */
export function bookingCalendarFile(
  booking: {
    id: string;
    activityName: string;
    startsAt: Date;
    endsAt: Date;
    status: AppointmentStatus;
    sequence: number;
    staffName?: string;
    meetingUrl?: string | null;
  },
  tenant: Pick<Tenant, "name" | "address" | "contactEmail" | "contactPhone">,
  manageUrl: string | null,
  /** Where, when the business has several places or this one is online: its address and contact. */
  place?: {
    name: string;
    address: string | null;
    contactEmail?: string | null;
    contactPhone?: string | null;
  } | null,
  /**
   * An invitation sent by e-mail (METHOD:REQUEST, or CANCEL once cancelled) comes from the
   * business as organizer; a download is published.
   */
  invitation?: { method: "REQUEST" | "CANCEL"; organizer: { name: string; email: string } },
): string {
  const cancelled = booking.status === "cancelled";
  const reach = place?.contactPhone || place?.contactEmail ? place : tenant;
  const contact = [reach.contactPhone, reach.contactEmail].filter(Boolean).join(" · ");
  const { error, value } = createEvent({
    productId: "rendezvous",
    method: invitation?.method ?? (cancelled ? "CANCEL" : "PUBLISH"),
    uid: `${booking.id}@rendezvous`,
    // Bumped by every change: a newer file of the same booking (moved, cancelled) replaces older ones.
    sequence: booking.sequence,
    organizer: invitation?.organizer,
    title: `${booking.activityName} – ${tenant.name}`,
    // An online appointment's place is its video room.
    location:
      booking.meetingUrl && !cancelled
        ? booking.meetingUrl
        : place
          ? [place.name, place.address].filter(Boolean).join(", ")
          : [tenant.name, tenant.address].filter(Boolean).join(", "),
    description: [
      booking.staffName && `${booking.staffName}`,
      booking.meetingUrl && !cancelled && booking.meetingUrl,
      manageUrl,
      contact && `${tenant.name}: ${contact}`,
    ]
      .filter(Boolean)
      .join("\n"),
    url: manageUrl ?? undefined,
    start: booking.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: booking.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    status: cancelled ? "CANCELLED" : booking.status === "pending" ? "TENTATIVE" : "CONFIRMED",
    busyStatus: cancelled ? "FREE" : "BUSY",
    transp: cancelled ? "TRANSPARENT" : "OPAQUE",
  });
  if (error || !value) throw error ?? new Error("no calendar file");
  return value;
}
