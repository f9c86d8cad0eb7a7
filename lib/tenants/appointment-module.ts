import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { type Tenant, tenants } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit";

export const appointmentModuleSchema = z.object({ enabled: z.boolean() });

/** Turns the public booking pages and endpoints on or off for a business. */
export async function setAppointmentModule(
  db: Database,
  tenant: Tenant,
  enabled: boolean,
  actor: Actor,
): Promise<{ enabled: boolean }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(tenants)
      .set({ appointmentModuleEnabled: enabled })
      .where(eq(tenants.id, tenant.id))
      .returning({ enabled: tenants.appointmentModuleEnabled });
    await recordAudit(tx, tenant.id, actor, {
      action: "settings.appointment_module",
      entityType: "tenant",
      entityId: tenant.id,
      before: { enabled: tenant.appointmentModuleEnabled },
      after: { enabled },
    });
    return { enabled: row?.enabled ?? enabled };
  });
}
