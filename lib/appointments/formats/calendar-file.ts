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
    updatedAt: Date;
    staffName?: string;
    meetingUrl?: string | null;
  },
  tenant: Pick<Tenant, "name" | "address" | "contactEmail" | "contactPhone">,
  manageUrl: string,
  /** Where, when the business has several places or this one is online. */
  place?: { name: string; address: string | null } | null,
): string {
  const cancelled = booking.status === "cancelled";
  const contact = [tenant.contactPhone, tenant.contactEmail].filter(Boolean).join(" · ");
  const { error, value } = createEvent({
    productId: "rendezvous",
    method: cancelled ? "CANCEL" : "PUBLISH",
    uid: `${booking.id}@rendezvous`,
    // A newer file of the same booking (moved, cancelled) replaces the older one.
    sequence: Math.floor(booking.updatedAt.getTime() / 1000),
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
    url: manageUrl,
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
