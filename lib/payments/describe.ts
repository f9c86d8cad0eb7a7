import { createTranslator } from "next-intl";
import type { Tenant } from "@/db/schema";
import type { PaymentSummary } from "@/lib/appointments";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { refundable } from "./rule";

/** A payment in the business's words, for the customer's manage page and the dashboard alike. */
export interface PaymentDescription {
  status: PaymentSummary["status"];
  text: string;
  /** A refund decided and on its way, in words. */
  refundOnTheWay: string | null;
  /** What the owner may still refund, formatted; null: nothing. */
  refundable: string | null;
}

export function describePayment(
  payment: PaymentSummary,
  tenant: Pick<Tenant, "locale" | "timeZone">,
): PaymentDescription {
  const locale = tenant.locale as Locale;
  const t = createTranslator({ locale, messages: { fr, en }[locale], namespace: "manage" });
  const money = (minor: number) => formatPrice(minor, payment.currency, locale);
  const left = refundable(payment);
  return {
    status: payment.status,
    text: t(`paymentStatus.${payment.status}`, {
      amount: money(payment.amountMinor),
      refunded: money(payment.refundedMinor),
      until: formatDateTime(new Date(payment.expiresAt), tenant.timeZone, locale),
    }),
    refundOnTheWay:
      payment.refundDueMinor > 0
        ? t("refundOnTheWay", { amount: money(payment.refundDueMinor) })
        : null,
    refundable: left > 0 ? money(left) : null,
  };
}

/** A payment's status in two words, beside an appointment in the calendar and the table. */
export function paymentShort(status: PaymentSummary["status"], locale: Locale): string {
  const t = createTranslator({ locale, messages: { fr, en }[locale], namespace: "manage" });
  return t(`paymentShort.${status}`);
}
