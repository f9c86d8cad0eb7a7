"use server";

import { dashboardAction } from "@/lib/access/action-caller";
import {
  assertAvailabilityVersion,
  availabilityVersion,
  getAvailability,
  replaceAvailability,
} from "@/lib/availability/availability";
import { availabilityInputSchema } from "@/lib/availability/schema";

/**
 * Saves the week editor: the same body and schema as `PUT /api/appointments/availability`, made to
 * the hours of `basis` (their version when the editor loaded or last saved them); answers the new
 * version.
 */
export async function saveAvailabilityAction(body: unknown, basis?: string) {
  return dashboardAction("manage", async ({ db, tenant, actor }) => {
    await assertAvailabilityVersion(db, tenant.id, basis);
    await replaceAvailability(db, tenant, availabilityInputSchema.parse(body), actor);
    return availabilityVersion(await getAvailability(db, tenant.id));
  });
}
