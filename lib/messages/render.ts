import { createTranslator } from "next-intl";
import { createElement } from "react";
import type { OutboundMessage, Tenant } from "@/db/schema";

import type { AppointmentRow } from "@/lib/appointments";
import { bookingCalendarFile } from "@/lib/appointments";
import { formatDateTime, formatPrice, zoneCity } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import type { PublicLocation } from "@/lib/locations";
import { CONFIRM_LINK_DAYS, RESET_LINK_MINUTES, SIGN_IN_CODE_MINUTES } from "@/lib/users";
import { AppointmentEmail, NoticeEmail, renderEmail } from "./emails";

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  calendar?: { method: "REQUEST" | "CANCEL"; content: string };
}

export interface MessageFacts {
  message: Pick<OutboundMessage, "kind" | "recipient" | "payload">;
  appointment: AppointmentRow;
  tenant: Tenant;
  /** Where it is (the place's zone gives the times). */
  place: PublicLocation;
  /** Named in the message when the business has several places or this one is online. */
  showPlace: boolean;
  manageUrl: string | null;
  organizer: { name: string; email: string };
  /** The reader's language when it is not the business's (a customer's choice). */
  locale?: Locale | null;
}

/**
 * A message in the business's language: its subject, a plain-text part and an accessible HTML part
 * with the same content, and for the customer a calendar invitation (a cancellation's cancels it).
 */
export async function renderMessage(facts: MessageFacts): Promise<RenderedMessage> {
  const { message, appointment: a, tenant, place } = facts;
  const locale = facts.locale ?? (tenant.locale as Locale);
  const t = createTranslator({ locale, messages: { fr, en }[locale], namespace: "emails" });
  const business = message.recipient === "business";
  const when = formatDateTime(a.startsAt, place.timeZone, locale);
  const refund = message.payload.refund;
  const values = {
    amount: refund ? formatPrice(refund.amountMinor, refund.currency, locale) : "",
    activity: a.activityName,
    when,
    customer: a.clientName,
    business: tenant.name,
    name: a.clientName,
    staff: a.staffName,
  };
  const key =
    message.kind === "booked" && !business
      ? (`booked_${message.payload.status ?? "pending"}` as const)
      : business
        ? (`business_${message.kind}` as "business_booked")
        : message.kind === "moved" && message.payload.staffOnly
          ? "moved_staff"
          : (message.kind as "confirmed");
  const leadKey =
    message.kind === "cancelled" && !business
      ? (`cancelled_${message.payload.by}` as const)
      : refund?.reason === "late"
        ? "refunded_late"
        : (key as Exclude<typeof key, "cancelled">);
  const subject = t(`subject.${key}`, values);
  // French typography: a no-break space before the colon.
  const colon = locale === "fr" ? "\u00a0: " : ": ";
  const contact = [place.contactPhone, place.contactEmail].filter(Boolean).join(" · ");
  const where =
    place.online || a.meetingUrl
      ? [t("online"), a.meetingUrl].filter(Boolean).join(" ")
      : [facts.showPlace ? place.name : tenant.name, place.address].filter(Boolean).join(", ");
  const rows: [string, string][] = [
    [t("what"), a.activityName],
    [t("when"), `${when} (${t("timeZone", { zone: zoneCity(place.timeZone) })})`],
    [t("with"), a.staffName],
    [t("where"), where],
  ];
  if (business) {
    rows.push([
      t("customer"),
      [a.clientName, a.clientEmail, a.clientPhone].filter(Boolean).join(" · "),
    ]);
  } else if (contact) {
    rows.push([t("contact"), contact]);
  }
  const cancelled = message.kind === "cancelled";
  if (cancelled && message.payload.reason) rows.push([t("reason"), message.payload.reason]);
  if (refund) rows.unshift([t("refundedAmount"), values.amount]);
  // An invitation to review links to its own form, and changes nothing in a calendar.
  const review = message.kind === "review_invite";
  const manage = review
    ? (message.payload.link ?? null)
    : !business && !cancelled && facts.manageUrl
      ? facts.manageUrl
      : null;
  const policy = !business && !cancelled && !review ? tenant.policyText : null;
  // A refund changes nothing in the customer's calendar.
  const calendar =
    business || refund || review
      ? undefined
      : ({
          method: cancelled ? "CANCEL" : "REQUEST",
          content: bookingCalendarFile(
            {
              ...a,
              status: cancelled ? "cancelled" : a.status,
              sequence: message.payload.sequence,
            },
            tenant,
            facts.manageUrl,
            facts.showPlace || place.online ? place : null,
            { method: cancelled ? "CANCEL" : "REQUEST", organizer: facts.organizer },
          ),
        } as const);
  const lead = t(`lead.${leadKey}`, values);
  const { html, text } = await renderEmail(
    createElement(AppointmentEmail, {
      locale,
      subject,
      greeting: business ? null : t("greeting", values),
      lead,
      rows,
      colon,
      // A class's seat cannot be moved: its link is to see or cancel it.
      manage: manage
        ? {
            label: t(review ? "reviewButton" : a.classSessionId ? "manageSeat" : "manage"),
            url: manage,
          }
        : null,
      calendarNote: calendar && !cancelled ? t("calendar") : null,
      policy: policy ? { label: t("policy"), text: policy } : null,
    }),
  );
  return { subject, text, html, calendar };
}

/**
 * A notice to the business about itself, not an appointment, in its language, plain text and
 * HTML: a webhook endpoint turned off, a user's password reset link (or, in the copy kept once it
 * is sent, a line saying the link is not kept), or the link confirming a new business's address.
 */
export async function renderBusinessNotice(
  message: Pick<OutboundMessage, "kind" | "payload">,
  tenant: Tenant,
): Promise<RenderedMessage> {
  const locale = tenant.locale as Locale;
  const t = createTranslator({ locale, messages: { fr, en }[locale], namespace: "emails" });
  const values = {
    url: message.payload.webhook?.url ?? "",
    business: tenant.name,
    minutes: message.kind === "sign_in_code" ? SIGN_IN_CODE_MINUTES : RESET_LINK_MINUTES,
    days: CONFIRM_LINK_DAYS,
  };
  const key =
    message.kind === "password_reset" ||
    message.kind === "email_confirmation" ||
    message.kind === "sign_in_code"
      ? message.kind
      : "business_webhook_disabled";
  const subject = t(`subject.${key}`, values);
  const lead = t(`lead.${key}`, values);
  const link = message.payload.link ?? null;
  const code = message.payload.code ?? null;
  const after =
    message.kind === "sign_in_code"
      ? [code ?? t("codeNotKept"), t("codeIgnore")]
      : message.kind === "password_reset"
        ? [link ?? t("linkNotKept"), t("resetIgnore")]
        : message.kind === "email_confirmation"
          ? [link ?? t("linkNotKept"), t("confirmIgnore")]
          : [t("webhookAction")];
  const button = t(message.kind === "email_confirmation" ? "confirmButton" : "resetButton");
  const { html, text } = await renderEmail(
    createElement(NoticeEmail, {
      locale,
      subject,
      lead,
      lines: after,
      link: link ? { label: button, url: link } : null,
    }),
  );
  return { subject, text, html };
}
