import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { type Tenant, tenants } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit";

/** The consent a business's booking form asks for. */
export const consentTermsSchema = z.object({
  // Empty: no notice to accept.
  privacyNoticeUrl: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "httpAddress" })])
    .nullish()
    .transform((v) => v || null)
    .pipe(z.string().max(500).nullable()),
  asksMarketingConsent: z.boolean(),
});
export type ConsentTerms = z.output<typeof consentTermsSchema>;

export async function setConsentTerms(
  db: Database,
  tenant: Tenant,
  terms: ConsentTerms,
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(tenants).set(terms).where(eq(tenants.id, tenant.id));
    await recordAudit(tx, tenant.id, actor, {
      action: "tenant.consent_terms",
      entityType: "tenant",
      entityId: tenant.id,
      before: {
        privacyNoticeUrl: tenant.privacyNoticeUrl,
        asksMarketingConsent: tenant.asksMarketingConsent,
      },
      after: terms,
    });
  });
}
