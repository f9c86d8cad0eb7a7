import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import type { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/logger";
import { type BookingFormState, fieldProblems } from "./booking-form";
import { withIdempotencyKey } from "./idempotent-booking";

/**
 * Books from a public form once per rendering of it: its single-use token is an Idempotency-Key,
 * so of two posts of one form one books; true when this post was the second (nothing booked).
 */
export async function bookOnce(
  db: Database,
  tenant: Tenant,
  formToken: string,
  request: unknown,
  book: (tx: Database) => Promise<unknown>,
): Promise<boolean> {
  const perform = async (tx: Database) => {
    await book(tx);
    // The answer a replay would give: nothing, the booking's private link is never stored.
    return { status: 201, body: null };
  };
  if (!formToken) {
    await perform(db);
    return false;
  }
  const result = await withIdempotencyKey(db, tenant, `form:${formToken}`, request, perform);
  return result.replayed;
}

/**
 * A refused form's state for the refusals every booking form shares: the form sent again with
 * other details (it booked already), the fields' problems, online booking off, payments down;
 * null for the others, which the form explains itself (a time gone), and "failed" at the last.
 */
export function refusedForm(
  failure: AppError,
  answer: BookingFormState,
  cause: unknown,
): BookingFormState | null {
  if (failure.code === "VALIDATION_ERROR" && failure.details?.["Idempotency-Key"]) {
    return { ...answer, formError: "alreadyBooked" };
  }
  const fieldErrors =
    failure.code === "VALIDATION_ERROR" ? fieldProblems(failure.problems ?? {}, answer.values) : {};
  if (Object.keys(fieldErrors).length) return { ...answer, fieldErrors };
  if (failure.code === "MODULE_DISABLED") return { ...answer, formError: "moduleDisabled" };
  if (failure.code === "PAYMENT_UNAVAILABLE") return { ...answer, formError: "paymentUnavailable" };
  if (failure.code === "SLOT_UNAVAILABLE") return null;
  if (failure.code === "INTERNAL_ERROR") logger.error("public booking failed", cause);
  return { ...answer, formError: "failed" };
}
