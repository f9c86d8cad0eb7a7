import type { Tenant } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";

type Gate = Pick<Tenant, "appointmentModuleEnabled" | "confirmedAt">;

/**
 * Whether customers may book, move and cancel themselves: the appointment module is on, and the
 * business is confirmed (one signed up on the web opens once its owner confirms their address).
 * The business's own dashboard works either way, and a customer may still look at their booking.
 */
export const isOpenForBooking = (tenant: Gate) =>
  tenant.appointmentModuleEnabled && tenant.confirmedAt !== null;

/** BUSINESS_NOT_CONFIRMED or MODULE_DISABLED unless customers may book themselves. */
export function assertOpenForBooking(tenant: Gate) {
  if (tenant.confirmedAt === null) throw new AppError("BUSINESS_NOT_CONFIRMED");
  if (!tenant.appointmentModuleEnabled) throw new AppError("MODULE_DISABLED");
}
