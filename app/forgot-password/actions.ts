"use server";

import { headers } from "next/headers";
import type { ForgotState } from "@/components/auth/password-forms";
import { currentTenant } from "@/lib/access/current-tenant";
import { sha256Hex } from "@/lib/crypto/sha256";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { expectArgs, isForm, isFormState } from "@/lib/http/action-args";
import { clientAddress } from "@/lib/http/client-address";
import { formText } from "@/lib/http/form-input";
import { consume, limitersFor } from "@/lib/rate-limit/limiters";
import { resetLinks } from "@/lib/tenants/booking-link";
import { requestPasswordReset } from "@/lib/users/password-reset";

/**
 * Asks for a reset link. The answer is the same whether the address has an account or not; each
 * request counts against the sign-in limits of the address and of the e-mail address, so the form
 * can neither flood someone's inbox nor probe for accounts quickly.
 */
export async function requestResetAction(
  previous: ForgotState,
  form: FormData,
): Promise<ForgotState> {
  expectArgs(isFormState(previous) && isForm(form));
  const email = formText(form, ["email"]).email.trim().slice(0, 320);
  const attempt = previous.attempt + 1;
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { attempt, email, outcome: "invalid" };
  const tenant = await currentTenant();
  const db = await getDb();
  const limiters = limitersFor(db);
  const keys = [
    `ip:${clientAddress(await headers(), env().trustProxy)}`,
    `email:${sha256Hex(email.toLowerCase())}`,
  ];
  // Counted before anything is sent (atomic), so concurrent requests are limited like sequential ones.
  const states = await Promise.all(keys.map((key) => consume(limiters, "signIn", key)));
  if (states.some((s) => !s.allowed)) return { attempt, email, outcome: "tooMany" };
  await requestPasswordReset(
    db,
    tenant,
    email,
    new Date(),
    resetLinks(await headers(), tenant, env().appRootDomain),
  );
  return { attempt, email, outcome: "sent" };
}
