import type { Tenant } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";

/**
 * Whether customers may book, move and cancel themselves (the appointment module's switch). The
 * business's own dashboard works either way, and a customer may still look at their booking.
 */
export const isOpenForBooking = (tenant: Pick<Tenant, "appointmentModuleEnabled">) =>
  tenant.appointmentModuleEnabled;

/** MODULE_DISABLED unless customers may book themselves. */
export function assertOpenForBooking(tenant: Pick<Tenant, "appointmentModuleEnabled">) {
  if (!isOpenForBooking(tenant)) throw new AppError("MODULE_DISABLED");
}
