import { z } from "zod";
import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import { type AppointmentRow, listAppointments } from "@/lib/appointments";
import { type PageRequest, toPage } from "@/lib/http/cursor";

export const whenSchema = z.enum(["upcoming", "past"]).default("upcoming");
export type When = z.output<typeof whenSchema>;

/**
 * A page of the customer's bookings at this business, every one made with their address (before
 * the account existed too): upcoming ones (not started yet) soonest first, past ones latest first.
 */
export async function myAppointments(
  db: Database,
  tenant: Tenant,
  customerId: string,
  when: When,
  page: PageRequest,
  now: Date,
) {
  const rows = await listAppointments(db, tenant.id, {
    customerId,
    ...(when === "upcoming" ? { from: now.getTime() } : { to: now.getTime() }),
    descending: when === "past",
    page: { after: page.after, limit: page.limit + 1 },
  });
  return toPage(rows, page.limit, (a: AppointmentRow) => ({ at: a.startsAt, id: a.id }));
}
