import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { type Tenant, tenants } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors/app-error";

/** The business's payment settings, as the settings form and the CLI send them. */
export const paymentSettingsSchema = z.object({
  // A Standard account connected to the platform; empty: none (the platform's own, if allowed).
  stripeAccountId: z
    .string()
    .trim()
    .regex(/^acct_\w{1,64}$/, "stripeAccount")
    .or(z.literal("").transform(() => null))
    .nullable(),
  // Stripe Checkout's own bounds: 30 minutes to 24 hours.
  paymentHoldMinutes: z.number().int().min(30).max(1440),
  keepDeposits: z.boolean(),
  // The VAT rate included in the prices, in percent, for receipts; null: none (left out: kept).
  vatRate: z.number().min(0).max(100).nullable().optional(),
});
export type PaymentSettings = z.output<typeof paymentSettingsSchema>;

export async function updatePaymentSettings(
  db: Database,
  tenant: Tenant,
  input: PaymentSettings,
  actor: Actor,
): Promise<Tenant> {
  return db.transaction(async (tx) => {
    const { vatRate, ...rest } = input;
    const [updated] = await tx
      .update(tenants)
      .set({
        ...rest,
        ...(vatRate === undefined
          ? {}
          : { vatRateBp: vatRate === null ? null : Math.round(vatRate * 100) }),
      })
      .where(eq(tenants.id, tenant.id))
      .returning();
    if (!updated) throw new AppError("NOT_FOUND");
    await recordAudit(tx, tenant.id, actor, {
      action: "settings.payments",
      entityType: "tenant",
      entityId: tenant.id,
      before: {
        stripeAccountId: tenant.stripeAccountId,
        paymentHoldMinutes: tenant.paymentHoldMinutes,
        keepDeposits: tenant.keepDeposits,
        vatRateBp: tenant.vatRateBp,
      },
      after: input,
    });
    return updated;
  });
}
