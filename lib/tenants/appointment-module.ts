import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { confirmOnlineBookingsValues } from "@/db/enums";
import { type Tenant, tenants } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit";

/**
 * Online booking on or off, and (additive) whether customers' bookings are confirmed as they are
 * made (`automatic`) or wait for the business (`manual`, the contract's pending). Either may be
 * left out, not both.
 */
export const appointmentModuleSchema = z
  .object({
    enabled: z.boolean().optional(),
    confirmOnlineBookings: z.enum(confirmOnlineBookingsValues).optional(),
  })
  .refine((v) => v.enabled !== undefined || v.confirmOnlineBookings !== undefined, {
    path: ["enabled"],
    message: "required",
  });
export type AppointmentModule = z.output<typeof appointmentModuleSchema>;

export const appointmentModuleJson = (tenant: Tenant) => ({
  enabled: tenant.appointmentModuleEnabled,
  confirmOnlineBookings: tenant.confirmOnlineBookings,
});

/** Turns the public booking pages and endpoints on or off for a business, or sets how bookings
 * made there are confirmed. */
export async function setAppointmentModule(
  db: Database,
  tenant: Tenant,
  input: AppointmentModule,
  actor: Actor,
): Promise<ReturnType<typeof appointmentModuleJson>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(tenants)
      .set({
        appointmentModuleEnabled: input.enabled,
        confirmOnlineBookings: input.confirmOnlineBookings,
      })
      .where(eq(tenants.id, tenant.id))
      .returning();
    if (!row) throw new Error("the business vanished");
    await recordAudit(tx, tenant.id, actor, {
      action: "settings.appointment_module",
      entityType: "tenant",
      entityId: tenant.id,
      before: appointmentModuleJson(tenant),
      after: appointmentModuleJson(row),
    });
    return appointmentModuleJson(row);
  });
}
