import { createEvent } from "ics";
import type { AppointmentStatus, Tenant } from "@/db/schema";

/** An iCalendar file of one booking, for the customer's own calendar; times in UTC. */
export function bookingCalendarFile(
  booking: {
    id: string;
    activityName: string;
    startsAt: Date;
    endsAt: Date;
    status: AppointmentStatus;
    updatedAt: Date;
  },
  tenant: Pick<Tenant, "name" | "address">,
  manageUrl: string,
): string {
  const { error, value } = createEvent({
    productId: "rendezvous",
    uid: `${booking.id}@rendezvous`,
    // A newer file of the same booking (moved, cancelled) replaces the older one.
    sequence: Math.floor(booking.updatedAt.getTime() / 1000),
    title: `${booking.activityName} – ${tenant.name}`,
    location: [tenant.name, tenant.address].filter(Boolean).join(", "),
    description: manageUrl,
    url: manageUrl,
    start: booking.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: booking.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    status:
      booking.status === "cancelled"
        ? "CANCELLED"
        : booking.status === "pending"
          ? "TENTATIVE"
          : "CONFIRMED",
    busyStatus: "BUSY",
  });
  if (error || !value) throw error ?? new Error("no calendar file");
  return value;
}
