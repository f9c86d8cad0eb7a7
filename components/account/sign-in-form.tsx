"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";

export interface SignInState {
  attempt: number;
  step: "email" | "code";
  email: string;
  problem?: "invalidEmail" | "tooMany" | "wrongCode" | "failed";
}

type Action = (state: SignInState, form: FormData) => Promise<SignInState>;

export type SignInLabels = Record<
  | "email"
  | "sendCode"
  | "code"
  | "codeSent"
  | "codeInOutbox"
  | "signIn"
  | "otherAddress"
  | "sendAgain"
  | "invalidEmail"
  | "tooMany"
  | "wrongCode"
  | "failed",
  string
>;

/**
 * Signing in with a code: the address, then the code mailed to it. `codeSent` holds `{email}`;
 * `outbox` says the business sends no e-mail yet, so the code waits in its outbox.
 */
export function SignInForm(props: {
  requestCode: Action;
  verifyCode: Action;
  outbox: boolean;
  labels: SignInLabels;
}) {
  const { labels } = props;
  const [state, act, pending] = useActionState(
    async (previous: SignInState, form: FormData): Promise<SignInState> => {
      const step = form.get("step");
      if (step === "restart") return { attempt: previous.attempt + 1, step: "email", email: "" };
      return step === "code" ? props.verifyCode(previous, form) : props.requestCode(previous, form);
    },
    { attempt: 0, step: "email", email: "" },
  );
  const button = buttonClass("brand", "lg", "mt-4 w-full sm:w-auto");
  const problem = state.problem ? <Notice kind="error">{labels[state.problem]}</Notice> : null;
  if (state.step === "code") {
    return (
      <div className="mt-6 space-y-3">
        {problem ?? (
          <Notice kind="ok">
            {labels.codeSent.replace("{email}", state.email)}
            {props.outbox ? ` ${labels.codeInOutbox}` : ""}
          </Notice>
        )}
        <form action={act} key={state.attempt}>
          <input type="hidden" name="step" value="code" />
          <input type="hidden" name="email" value={state.email} />
          <Field id="sign-in-code" label={labels.code}>
            <Input
              id="sign-in-code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              autoFocus
              className="mt-1 w-40 text-lg tracking-widest"
            />
          </Field>
          <button type="submit" disabled={pending} className={button}>
            {labels.signIn}
          </button>
        </form>
        <form action={act} className="flex flex-wrap gap-x-4 text-sm">
          <input type="hidden" name="email" value={state.email} />
          <button type="submit" className="text-brand-700 underline" disabled={pending}>
            {labels.sendAgain}
          </button>
        </form>
        <form action={act} className="text-sm">
          <input type="hidden" name="step" value="restart" />
          <button type="submit" className="text-slate-600 underline" disabled={pending}>
            {labels.otherAddress}
          </button>
        </form>
      </div>
    );
  }
  return (
    <form action={act} key={state.attempt} className="mt-6 space-y-3">
      {problem}
      <Field id="sign-in-email" label={labels.email}>
        <Input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          className="mt-1 w-full text-sm sm:w-96"
        />
      </Field>
      <button type="submit" disabled={pending} className={button}>
        {labels.sendCode}
      </button>
    </form>
  );
}
