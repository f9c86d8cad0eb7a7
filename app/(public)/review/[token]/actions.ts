"use server";

import { redirect } from "next/navigation";
import { currentTenant } from "@/lib/access/current-tenant";
import { getDb } from "@/lib/db";
import { toAppError } from "@/lib/errors/to-app-error";
import { expectArgs, isForm, isText } from "@/lib/http/action-args";
import { readForm } from "@/lib/http/form-input";
import { reviewInputSchema, submitReview } from "@/lib/reviews";

/** Records the review the invitation's link asks for; back to its page with what happened. */
export async function reviewByLinkAction(token: string, form: FormData) {
  expectArgs(isText(token) && isForm(form));
  const tenant = await currentTenant();
  let outcome = "done=1";
  try {
    const input = readForm(form, reviewInputSchema);
    await submitReview(await getDb(), tenant, { token }, input, new Date());
  } catch (error) {
    outcome = `error=${toAppError(error).code}`;
  }
  redirect(`/review/${token}?${outcome}`);
}
