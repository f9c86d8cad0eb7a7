"use server";

import { dashboardAction } from "@/lib/access/action-caller";
import { replaceAvailability } from "@/lib/availability/availability";
import { availabilityInputSchema } from "@/lib/availability/schema";

/** Saves the week editor: the same body and schema as `PUT /api/appointments/availability`. */
export async function saveAvailabilityAction(body: unknown) {
  return dashboardAction("manage", async ({ db, tenant, actor }) => {
    await replaceAvailability(db, tenant, availabilityInputSchema.parse(body), actor);
  });
}
