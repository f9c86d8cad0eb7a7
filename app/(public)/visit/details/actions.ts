"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentTenant } from "@/lib/access/current-tenant";
import { visitSchema } from "@/lib/appointments/schema";
import { customerActor } from "@/lib/audit/record-audit";
import { bookVisit } from "@/lib/booking/book-visit";
import {
  type BookingFormState,
  bookingFormFields,
  toBookingBody,
} from "@/lib/booking/booking-form";
import { bookOnce, refusedForm } from "@/lib/booking/form-submission";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { toAppError } from "@/lib/errors/to-app-error";
import { expectArgs, isForm, isFormState, isText } from "@/lib/http/action-args";
import { formText } from "@/lib/http/form-input";
import { hrefWith } from "@/lib/http/page-params";
import { manageLinks } from "@/lib/tenants/booking-link";

/**
 * Books a visit from its form: the body of `POST /api/visits`, all its services or none; the form's
 * single-use token keeps a second post of it from booking again. On to the first service's page.
 */
export async function bookVisitAction(
  services: string[],
  requestedZone: string | undefined,
  previous: BookingFormState,
  form: FormData,
): Promise<BookingFormState> {
  expectArgs(
    Array.isArray(services) &&
      services.every(isText) &&
      (requestedZone === undefined || isText(requestedZone)) &&
      isFormState(previous) &&
      isForm(form),
  );
  const values = formText(form, bookingFormFields);
  const answer = { attempt: previous.attempt + 1, values, fieldErrors: {} };
  const tenant = await currentTenant();
  const db = await getDb();
  let next = "";
  try {
    const {
      activityId: _,
      staffId: __,
      locationId: ___,
      ...rest
    } = toBookingBody(services[0] ?? "", { staffId: null, locationId: null }, values);
    const input = visitSchema.parse({
      ...rest,
      items: services.map((activityId) => ({ activityId })),
    });
    const replayed = await bookOnce(db, tenant, values.formToken, input, async (tx) => {
      const visit = await bookVisit(tx, tenant, input, new Date(), customerActor, {
        manageLink: manageLinks(await headers(), tenant, env().appRootDomain),
        stripe: env().stripe,
      });
      const [first] = visit.appointments;
      next = hrefWith(`/manage/${first?.manageToken}`, { booked: "1", tz: requestedZone });
    });
    if (replayed) return { ...answer, formError: "alreadyBooked" };
  } catch (error) {
    // A visit's time no longer free has no alternatives to offer: the week is a click away.
    return refusedForm(toAppError(error), answer, error) ?? { ...answer, formError: "slotGone" };
  }
  redirect(next);
}
