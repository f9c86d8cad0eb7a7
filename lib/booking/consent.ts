import type { Tenant } from "@/db/schema";
import type { BookingInput } from "@/lib/appointments";
import { AppError } from "@/lib/errors/app-error";

export interface ConsentTimes {
  privacyAcceptedAt: Date | null;
  marketingOptInAt: Date | null;
}

type ConsentTerms = Pick<Tenant, "privacyNoticeUrl" | "asksMarketingConsent">;

/**
 * What a customer's booking records of the consent its business asks for: acceptance of the
 * privacy notice, required when the business has one, and the opt-in to its news, kept only when
 * the business offers it. Each is stamped with the booking's time; the business's own bookings
 * (a call, a walk-in) record none.
 */
export function consentTimes(
  tenant: ConsentTerms,
  input: Pick<BookingInput, "consent">,
  byCustomer: boolean,
  now: Date,
): ConsentTimes {
  if (!byCustomer) return { privacyAcceptedAt: null, marketingOptInAt: null };
  if (tenant.privacyNoticeUrl && !input.consent.privacyNotice) {
    throw new AppError(
      "VALIDATION_ERROR",
      { "consent.privacyNotice": { text: "mustAccept" } },
      undefined,
      { "consent.privacyNotice": { kind: "mustAccept" } },
    );
  }
  return {
    privacyAcceptedAt: tenant.privacyNoticeUrl ? now : null,
    marketingOptInAt: tenant.asksMarketingConsent && input.consent.marketing ? now : null,
  };
}
