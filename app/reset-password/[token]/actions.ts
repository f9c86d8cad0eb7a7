"use server";

import { redirect } from "next/navigation";
import type { ResetState } from "@/components/auth/password-forms";
import { currentTenant } from "@/lib/access/current-tenant";
import { getDb } from "@/lib/db";
import { toAppError } from "@/lib/errors/to-app-error";
import { expectArgs, isForm, isFormState, isText } from "@/lib/http/action-args";
import { formText } from "@/lib/http/form-input";
import { resetPassword } from "@/lib/users/password-reset";
import { passwordSchema } from "@/lib/users/schema";

/** Sets the new password with the link's token, then on to signing in with it. */
export async function resetPasswordAction(
  token: string,
  previous: ResetState,
  form: FormData,
): Promise<ResetState> {
  expectArgs(isText(token) && isFormState(previous) && isForm(form));
  const { password, confirm } = formText(form, ["password", "confirm"]);
  const attempt = previous.attempt + 1;
  if (!passwordSchema.safeParse(password).success) return { attempt, outcome: "short" };
  if (password !== confirm) return { attempt, outcome: "mismatch" };
  try {
    await resetPassword(await getDb(), await currentTenant(), token, password, new Date());
  } catch (error) {
    const code = toAppError(error).code;
    return { attempt, outcome: code === "LINK_INVALID" ? code : "failed" };
  }
  redirect("/login?changed=1");
}
