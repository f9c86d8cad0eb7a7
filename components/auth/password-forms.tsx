"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";

export interface ResetState {
  attempt: number;
  outcome?: "short" | "mismatch" | "LINK_INVALID" | "failed";
}

export interface ForgotState {
  attempt: number;
  email: string;
  outcome?: "sent" | "tooMany" | "invalid";
}

const button = buttonClass("primary", "lg", "mt-4 w-full");

/** The address to send a reset link to; the same answer whether it has an account or not. */
export function ForgotForm({
  action,
  labels,
}: {
  action: (state: ForgotState, form: FormData) => Promise<ForgotState>;
  labels: Record<"email" | "submit" | "sent" | "tooMany" | "invalid", string>;
}) {
  const [state, formAction, pending] = useActionState(action, { attempt: 0, email: "" });
  return (
    <form action={formAction} key={state.attempt} className="mt-6">
      {state.outcome === "sent" && <Notice kind="ok">{labels.sent}</Notice>}
      {(state.outcome === "tooMany" || state.outcome === "invalid") && (
        <Notice kind="error">{labels[state.outcome]}</Notice>
      )}
      <Field id="reset-email" label={labels.email}>
        <Input
          id="reset-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          className="mt-1 w-full text-sm"
        />
      </Field>
      <button type="submit" disabled={pending} className={button}>
        {labels.submit}
      </button>
    </form>
  );
}

/** The new password, twice. */
export function ResetForm({
  action,
  labels,
}: {
  action: (state: ResetState, form: FormData) => Promise<ResetState>;
  labels: Record<
    "password" | "confirm" | "submit" | "short" | "mismatch" | "LINK_INVALID" | "failed",
    string
  >;
}) {
  const [state, formAction, pending] = useActionState(action, { attempt: 0 });
  return (
    <form action={formAction} key={state.attempt} noValidate className="mt-6 space-y-3">
      {state.outcome && <Notice kind="error">{labels[state.outcome]}</Notice>}
      <Field id="new-password" label={labels.password}>
        <Input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
          className="mt-1 w-full text-sm"
        />
      </Field>
      <Field id="confirm-password" label={labels.confirm}>
        <Input
          id="confirm-password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
          className="mt-1 w-full text-sm"
        />
      </Field>
      <button type="submit" disabled={pending} className={button}>
        {labels.submit}
      </button>
    </form>
  );
}
