"use client";

import { useActionState, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFocusFirstProblem } from "@/components/ui/form-guards";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { failureText } from "@/lib/errors/failure-text";
import { type FieldProblems, problemText } from "@/lib/errors/field-problems";

export interface PaymentSettingsState {
  attempt: number;
  values: {
    stripeAccountId: string;
    paymentHoldMinutes: string;
    keepDeposits: string;
    vatRate: string;
  };
  problems: FieldProblems;
  outcome?: string;
}

/** The business's Stripe account, how long an unpaid booking is held, and its deposit rule. */
export function PaymentSettingsForm({
  action,
  initialState,
  canManage,
  labels,
}: {
  action: (state: PaymentSettingsState, form: FormData) => Promise<PaymentSettingsState>;
  initialState: PaymentSettingsState;
  canManage: boolean;
  labels: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstProblem(form, state.attempt);
  const { values, problems, outcome } = state;
  const hints = {
    stripeAccountId: "payments.stripeAccountHint",
    paymentHoldMinutes: "payments.paymentHoldHint",
    vatRate: "payments.vatRateHint",
  } as const;
  const field = (name: keyof typeof hints, extra: object) => (
    <Field id={name} label={labels[`payments.${name}`] ?? name}>
      <Input
        id={name}
        name={name}
        defaultValue={values[name]}
        aria-invalid={problems[name] ? true : undefined}
        aria-describedby={`${name}-hint${problems[name] ? ` ${name}-error` : ""}`}
        compact
        className="mt-1 w-full text-sm"
        {...extra}
      />
      {problems[name] && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
          {problemText(problems[name], labels, "problem.")}
        </p>
      )}
      <p id={`${name}-hint`} className="mt-1 text-xs text-slate-600">
        {labels[hints[name]]}
      </p>
    </Field>
  );
  return (
    <form ref={form} action={formAction} key={state.attempt} noValidate className="mt-3">
      {outcome === "saved" && <Notice kind="ok">{labels["payments.saved"]}</Notice>}
      {outcome && outcome !== "saved" && (
        <Notice kind="error">{failureText(outcome, labels)}</Notice>
      )}
      <fieldset disabled={!canManage} className="mt-3 grid gap-4 sm:grid-cols-2">
        {field("stripeAccountId", {
          placeholder: "acct_…",
          autoComplete: "off",
          spellCheck: false,
        })}
        {field("paymentHoldMinutes", { type: "number", min: 30, max: 1440, inputMode: "numeric" })}
        {field("vatRate", { inputMode: "decimal", autoComplete: "off" })}
        <div className="sm:col-span-2">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="keepDeposits"
              defaultChecked={values.keepDeposits === "on"}
              aria-describedby="keepDeposits-hint"
            />
            {labels["payments.keepDeposits"]}
          </label>
          <p id="keepDeposits-hint" className="ml-6 text-xs text-slate-600">
            {labels["payments.keepDepositsHint"]}
          </p>
        </div>
        <div>
          <button type="submit" disabled={pending} className={buttonClass()}>
            {labels["payments.save"]}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
