"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { currentCustomerSession } from "@/lib/access/current-customer";
import { currentTenant } from "@/lib/access/current-tenant";
import { getProfile } from "@/lib/accounts";
import { customerActor } from "@/lib/audit/record-audit";
import { bookAppointment } from "@/lib/booking/book-appointment";
import {
  type BookingFormState,
  type BookingFormValues,
  bookingFormFields,
  toBookingBody,
} from "@/lib/booking/booking-form";
import { parseBookingInput } from "@/lib/booking/booking-input";
import { bookOnce, refusedForm } from "@/lib/booking/form-submission";
import { alreadyHeld } from "@/lib/booking/idempotent-booking";
import { sha256Hex } from "@/lib/crypto/sha256";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { toAppError } from "@/lib/errors/to-app-error";
import { expectArgs, isForm, isFormState, isText } from "@/lib/http/action-args";
import { formText } from "@/lib/http/form-input";
import { displayZone, hrefWith } from "@/lib/http/page-params";
import { publicOrigin } from "@/lib/http/public-origin";
import { formatDay, formatTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { freeStartsAround, refusalReason } from "@/lib/offer/booking-week";
import { dayInZone } from "@/lib/scheduling/calendar-day";
import { manageLinks } from "@/lib/tenants/booking-link";

// This browser's own record of a booking it made and where that led (its manage page), by service,
// time and address, so that the same form sent again (Back re-renders it, a second tab) shows that
// booking, while someone else booked from the same browser is booked: only the customer's browser
// ever holds the link, as with the e-mail.
const sentCookie = (activityId: string, v: BookingFormValues) =>
  `rv_sent_${sha256Hex(`${activityId}|${v.at}|${v.email.trim().toLowerCase()}`).slice(0, 24)}`;

async function sentBefore(activityId: string, v: BookingFormValues): Promise<string | null> {
  const path = (await cookies()).get(sentCookie(activityId, v))?.value;
  return path?.startsWith("/") || path?.startsWith("https://") ? path : null;
}

async function rememberSent(activityId: string, v: BookingFormValues, path: string) {
  if (!path) return;
  (await cookies()).set(sentCookie(activityId, v), path, {
    httpOnly: true,
    sameSite: "lax",
    secure: publicOrigin(await headers()).startsWith("https:"),
    maxAge: 24 * 3600,
    path: "/",
  });
}

/** A signed-in customer booking for themself gets their reminder at the time they prefer. */
async function preferredReminder(email: string): Promise<{ reminderMinutes?: number }> {
  const session = await currentCustomerSession();
  if (!session) return {};
  const profile = await getProfile(await getDb(), await currentTenant(), session.customerId);
  return profile.reminderMinutes !== null &&
    profile.email.toLowerCase() === email.trim().toLowerCase()
    ? { reminderMinutes: profile.reminderMinutes }
    : {};
}

/** Books from the public form: the API's schema and rules, answers as form state or a redirect. */
export async function bookAction(
  activityId: string,
  choice: {
    staffId: string | null;
    locationId: string | null;
    mode?: "in_person" | "online" | null;
  },
  requestedZone: string | undefined,
  previous: BookingFormState,
  form: FormData,
): Promise<BookingFormState> {
  expectArgs(
    isText(activityId) &&
      typeof choice === "object" &&
      choice !== null &&
      (requestedZone === undefined || isText(requestedZone)) &&
      isFormState(previous) &&
      isForm(form),
  );
  const values = formText(form, bookingFormFields);
  // Times offered after a refusal stay on offer until one is picked.
  const answer = {
    attempt: previous.attempt + 1,
    values,
    fieldErrors: {},
    alternatives: values.at ? undefined : previous.alternatives,
  };
  const tenant = await currentTenant();
  const db = await getDb();
  let next: string;
  const sent = await sentBefore(activityId, values);
  if (sent) redirect(sent);
  try {
    const input = await parseBookingInput(db, tenant, {
      ...toBookingBody(activityId, choice, values),
      ...(await preferredReminder(values.email)),
    });
    // From another browser, or once the cookie is gone: the booking it made is not made twice.
    if (await alreadyHeld(db, tenant, input)) return { ...answer, formError: "alreadyBooked" };
    let first = "";
    const replayed = await bookOnce(db, tenant, values.formToken, input, async (tx) => {
      const booked = await bookAppointment(tx, tenant, input, new Date(), customerActor, {
        manageLink: manageLinks(await headers(), tenant, env().appRootDomain),
        stripe: env().stripe,
      });
      // A paid service: on to Stripe's page, which comes back to the manage page.
      first =
        booked.payment?.checkoutUrl ??
        hrefWith(`/manage/${booked.manageToken}`, { booked: "1", tz: requestedZone });
    });
    if (replayed) return { ...answer, formError: "alreadyBooked" };
    await rememberSent(activityId, values, first);
    next = first;
  } catch (error) {
    const failure = toAppError(error);
    const refused = refusedForm(failure, answer, error);
    if (refused) return refused;
    // The time is no longer free: why, and the free ones around it.
    const { zone } = displayZone(tenant.timeZone, requestedZone);
    const locale = (await getLocale()) as Locale;
    const chosen = Date.parse(values.at);
    const [starts, formError] = await Promise.all([
      freeStartsAround(db, tenant, activityId, chosen, zone, choice),
      refusalReason(db, tenant, activityId, chosen, new Date(), choice),
    ]);
    return {
      ...answer,
      values: { ...values, at: "" },
      formError,
      alternatives: starts.map((start) => ({
        at: new Date(start).toISOString(),
        label: `${formatDay(dayInZone(start, zone), locale, "long")} · ${formatTime(start, zone, locale)}`,
      })),
    };
  }
  redirect(next);
}
