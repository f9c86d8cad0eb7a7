"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentTenant } from "@/lib/access/current-tenant";
import { customerActor } from "@/lib/audit/record-audit";
import { dateTimeSchema, toInstant } from "@/lib/availability/date-time";
import {
  cancelByCustomer,
  findByManageToken,
  rescheduleByCustomer,
} from "@/lib/booking/manage-booking";
import { eraseCustomer } from "@/lib/customers/erase";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { toAppError } from "@/lib/errors/to-app-error";
import { expectArgs, isForm, isText } from "@/lib/http/action-args";
import { readForm } from "@/lib/http/form-input";
import { hrefWith } from "@/lib/http/page-params";
import { logger } from "@/lib/logger";
import { optionalText } from "@/lib/validation";

// The manage page's buttons: plain forms, so they work without JavaScript; the outcome is a
// redirect back to the booking with what happened (or why not) in the query.

async function run(change: () => Promise<unknown>): Promise<string | null> {
  try {
    await change();
    return null;
  } catch (error) {
    const failure = toAppError(error);
    if (failure.code === "INTERNAL_ERROR") logger.error("customer change failed", error);
    return failure.code;
  }
}

export async function cancelBookingAction(token: string, form: FormData) {
  expectArgs(isText(token) && isForm(form));
  const tenant = await currentTenant();
  const error = await run(async () => {
    const { reason } = readForm(form, z.object({ reason: optionalText(500) }));
    await cancelByCustomer(await getDb(), tenant, token, new Date(), reason);
  });
  redirect(hrefWith(`/manage/${token}`, error ? { error } : { cancelled: "1" }));
}

export async function rescheduleBookingAction(
  token: string,
  tz: string | undefined,
  form: FormData,
) {
  expectArgs(isText(token) && (tz === undefined || isText(tz)) && isForm(form));
  const tenant = await currentTenant();
  const error = await run(async () => {
    const { at } = readForm(form, z.object({ at: dateTimeSchema }));
    const start = toInstant(at, tenant.timeZone);
    await rescheduleByCustomer(await getDb(), tenant, token, start, new Date());
  });
  if (error === "SLOT_UNAVAILABLE") {
    redirect(hrefWith(`/manage/${token}/reschedule`, { error, tz }));
  }
  redirect(hrefWith(`/manage/${token}`, error ? { error, tz } : { moved: "1", tz }));
}

/** Erases the customer of this link for good (see eraseCustomer), then says it is done. */
export async function eraseMyDataAction(token: string) {
  expectArgs(isText(token));
  const tenant = await currentTenant();
  const error = await run(async () => {
    const db = await getDb();
    const booking = await findByManageToken(db, tenant, token);
    if (!booking.customerId) throw new AppError("NOT_FOUND");
    await eraseCustomer(db, tenant.id, booking.customerId, customerActor, new Date());
  });
  redirect(error ? hrefWith(`/manage/${token}`, { error }) : "/manage/erased");
}
