import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { type Tenant, tenants } from "@/db/schema";
import { type Actor, recordScheduleChange } from "@/lib/audit";
import { optionalEmailSchema, optionalPhoneSchema, optionalText } from "@/lib/validation";
import { tenantProfileSchema } from "./schema";

/** What the owner may change about the business (the slug, its address on the web, stays). */
export const businessSettingsSchema = tenantProfileSchema.omit({ slug: true }).extend({
  slotIntervalMinutes: z.number().int().min(5, "slotInterval").max(240),
  cancellationNoticeHours: z.number().int().min(0).max(8760),
  rescheduleNoticeHours: z.number().int().min(0).max(8760),
  contactEmail: optionalEmailSchema,
  contactPhone: optionalPhoneSchema,
  policyText: optionalText(1000),
});
export type BusinessSettings = z.output<typeof businessSettingsSchema>;

const fields = [
  "name",
  "timeZone",
  "locale",
  "currency",
  "address",
  "slotIntervalMinutes",
  "cancellationNoticeHours",
  "rescheduleNoticeHours",
  "contactEmail",
  "contactPhone",
  "policyText",
] as const satisfies (keyof BusinessSettings & keyof Tenant)[];

const pick = (source: BusinessSettings | Tenant) =>
  Object.fromEntries(fields.map((f) => [f, source[f]])) as Pick<Tenant, (typeof fields)[number]>;

/**
 * Saves the business profile and booking policy. Zone and interval change the slots, so this is a
 * schedule change: cached slots go stale on every instance.
 */
export async function updateBusinessSettings(
  db: Database,
  tenant: Tenant,
  input: BusinessSettings,
  actor: Actor,
): Promise<Tenant> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(tenants)
      .set(pick(input))
      .where(eq(tenants.id, tenant.id))
      .returning();
    if (!updated) throw new Error("the business vanished");
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "settings.profile",
      entityType: "tenant",
      entityId: tenant.id,
      before: pick(tenant),
      after: pick(updated),
    });
    return updated;
  });
}
