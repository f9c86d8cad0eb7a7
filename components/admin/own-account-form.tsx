"use client";

import { useActionState, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFocusFirstProblem } from "@/components/ui/form-guards";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { ErrorCode } from "@/lib/errors/app-error";
import { type FieldProblems, problemText } from "@/lib/errors/field-problems";

export interface OwnAccountState {
  attempt: number;
  email: string;
  problems: FieldProblems;
  error?: ErrorCode;
}

/** The signed-in user's own e-mail and password, the current password required. */
export function OwnAccountForm({
  action,
  email,
  labels,
}: {
  action: (state: OwnAccountState, form: FormData) => Promise<OwnAccountState>;
  email: string;
  labels: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, { attempt: 0, email, problems: {} });
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstProblem(form, state.attempt);
  const field = (name: string, type: string, autoComplete: string, defaultValue = "") => {
    const problem = state.problems[name];
    return (
      <Field id={`account-${name}`} label={labels[`account.${name}`] ?? name}>
        <Input
          id={`account-${name}`}
          name={name}
          type={type}
          autoComplete={autoComplete}
          defaultValue={defaultValue}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `account-${name}-error` : undefined}
          compact
          className="mt-1 w-full text-sm"
        />
        {problem && (
          <p id={`account-${name}-error`} className="mt-1 text-sm text-red-700">
            {problemText(problem, labels, "problem.")}
          </p>
        )}
      </Field>
    );
  };
  return (
    <form ref={form} key={state.attempt} action={formAction} noValidate className="mt-3 space-y-3">
      {state.error && Object.keys(state.problems).length === 0 && (
        <Notice kind="error">{labels.failed}</Notice>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        {field("email", "email", "username", state.email)}
        {field("newPassword", "password", "new-password")}
        {field("currentPassword", "password", "current-password")}
      </div>
      <p className="text-xs text-slate-600">{labels["account.help"]}</p>
      <button type="submit" disabled={pending} className={buttonClass()}>
        {labels["account.save"]}
      </button>
    </form>
  );
}
