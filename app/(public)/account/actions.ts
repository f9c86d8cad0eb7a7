"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { SignInState } from "@/components/account/sign-in-form";
import { currentCustomerSession } from "@/lib/access/current-customer";
import { currentTenant } from "@/lib/access/current-tenant";
import {
  accountActor,
  admitCodeRequest,
  profileFormSchema,
  requestSignInCode,
  updateProfile,
  verifySignInCode,
} from "@/lib/accounts";
import { customerCookie, endCustomerSessions, SESSION_DAYS } from "@/lib/auth";
import { eraseCustomer } from "@/lib/customers/erase";
import { getDb } from "@/lib/db";
import { toAppError } from "@/lib/errors/to-app-error";
import { expectArgs, isForm, isFormState, isText } from "@/lib/http/action-args";
import { formText, readForm } from "@/lib/http/form-input";
import { publicOrigin } from "@/lib/http/public-origin";
import { logger } from "@/lib/logger";
import { reviewInputSchema, submitReview } from "@/lib/reviews";
import { emailSchema } from "@/lib/validation";

// The account's forms. Signing in keeps its state on the page (the address stays out of URLs);
// the others are plain forms that work without JavaScript and come back with what happened.

/** The outcome of a failed step as the form names it. */
function failure(error: unknown): SignInState["problem"] {
  const code = toAppError(error).code;
  if (code === "RATE_LIMIT_EXCEEDED") return "tooMany";
  if (code === "CODE_INVALID" || code === "VALIDATION_ERROR") return "wrongCode";
  logger.error("customer sign-in failed", error);
  return "failed";
}

/** Step one: a code to the address (the same answer whether it is a customer's or not). */
export async function requestCodeAction(
  previous: SignInState,
  form: FormData,
): Promise<SignInState> {
  expectArgs(isFormState(previous) && isForm(form));
  const attempt = previous.attempt + 1;
  const parsed = emailSchema.safeParse(formText(form, ["email"]).email);
  if (!parsed.success) return { attempt, step: "email", email: "", problem: "invalidEmail" };
  const email = parsed.data;
  try {
    const tenant = await currentTenant();
    const db = await getDb();
    await admitCodeRequest(db, tenant, await headers(), email);
    await requestSignInCode(db, tenant, email, new Date());
    return { attempt, step: "code", email };
  } catch (error) {
    return { attempt, step: "email", email, problem: failure(error) };
  }
}

/** Step two: the code; right, the session's cookie is set and the account opens. */
export async function verifyCodeAction(
  previous: SignInState,
  form: FormData,
): Promise<SignInState> {
  expectArgs(isFormState(previous) && isForm(form));
  const attempt = previous.attempt + 1;
  const { email, code } = formText(form, ["email", "code"]);
  const tenant = await currentTenant();
  try {
    const session = await verifySignInCode(await getDb(), tenant, email, code, new Date());
    (await cookies()).set(customerCookie(tenant), session.token, {
      httpOnly: true,
      sameSite: "lax",
      secure: publicOrigin(await headers()).startsWith("https:"),
      path: "/",
      maxAge: SESSION_DAYS * 86_400,
    });
  } catch (error) {
    return { attempt, step: "code", email, problem: failure(error) };
  }
  redirect("/account");
}

/** The signed-in customer's id, or back to the sign-in form. */
async function signedIn() {
  const session = await currentCustomerSession();
  if (!session) redirect("/account");
  return session;
}

export async function saveProfileAction(form: FormData) {
  expectArgs(isForm(form));
  const tenant = await currentTenant();
  const { customerId } = await signedIn();
  let outcome = "saved=1";
  try {
    const input = readForm(form, profileFormSchema);
    await updateProfile(await getDb(), tenant, customerId, input, new Date());
  } catch (error) {
    outcome = `error=${toAppError(error).code}`;
  }
  redirect(`/account?${outcome}#profile`);
}

/** Ends every session of the customer (this browser's cookie too). */
export async function signOutAction() {
  const tenant = await currentTenant();
  const session = await currentCustomerSession();
  if (session) await endCustomerSessions(await getDb(), tenant.id, session.customerId);
  (await cookies()).delete(customerCookie(tenant));
  redirect("/account?signedOut=1");
}

/** Erases the customer for good (see eraseCustomer): refused while a booking is upcoming. */
export async function eraseAccountAction() {
  const tenant = await currentTenant();
  const { customerId } = await signedIn();
  try {
    await eraseCustomer(await getDb(), tenant.id, customerId, accountActor(customerId), new Date());
  } catch (error) {
    redirect(`/account?error=${toAppError(error).code}#privacy`);
  }
  (await cookies()).delete(customerCookie(tenant));
  redirect("/account?erased=1");
}

/** The signed-in customer's review of one of their completed appointments. */
export async function reviewFromAccountAction(appointmentId: string, form: FormData) {
  expectArgs(isText(appointmentId) && isForm(form));
  const tenant = await currentTenant();
  const { customerId } = await signedIn();
  let outcome = "reviewed=1";
  try {
    const input = readForm(form, reviewInputSchema);
    await submitReview(await getDb(), tenant, { customerId, appointmentId }, input, new Date());
  } catch (error) {
    outcome = `error=${toAppError(error).code}`;
  }
  redirect(`/account?${outcome}#to-review`);
}
