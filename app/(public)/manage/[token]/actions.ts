"use server";

import { redirect } from "next/navigation";
import { cancelByCustomer, rescheduleByCustomer } from "@/lib/appointments/manage-booking";
import { dateTimeSchema, toInstant } from "@/lib/availability/date-time";
import { getDb } from "@/lib/db";
import { toAppError } from "@/lib/errors/to-app-error";
import { hrefWith } from "@/lib/http/page-params";
import { logger } from "@/lib/logger";
import { currentTenant } from "@/lib/tenants/current-tenant";

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

export async function cancelBookingAction(token: string) {
  const tenant = await currentTenant();
  const error = await run(async () => {
    await cancelByCustomer(await getDb(), tenant, token, new Date());
  });
  redirect(hrefWith(`/manage/${token}`, error ? { error } : { cancelled: "1" }));
}

export async function rescheduleBookingAction(
  token: string,
  tz: string | undefined,
  form: FormData,
) {
  const tenant = await currentTenant();
  const at = String(form.get("at") ?? "");
  const error = await run(async () => {
    const dateTime = dateTimeSchema.parse(at);
    const start = toInstant(dateTime, tenant.timeZone);
    await rescheduleByCustomer(await getDb(), tenant, token, start, new Date());
  });
  if (error === "SLOT_UNAVAILABLE") {
    redirect(hrefWith(`/manage/${token}/reschedule`, { error, tz }));
  }
  redirect(hrefWith(`/manage/${token}`, error ? { error, tz } : { moved: "1", tz }));
}
