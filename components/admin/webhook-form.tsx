"use client";

import { useActionState, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFocusFirstProblem } from "@/components/ui/form-guards";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { failureText } from "@/lib/errors/failure-text";
import { type FieldProblems, problemText } from "@/lib/errors/field-problems";
import { SecretShownOnce } from "./secret-shown-once";

export interface WebhookFormState {
  attempt: number;
  values: { url: string; description: string; events: string[] };
  problems: FieldProblems;
  outcome?: string;
  /** A new endpoint's signing secret, shown this once. */
  secret?: string;
}

/**
 * An endpoint's URL, description and events: a new one's (its secret then shown once, the form
 * emptied for another) or an existing one's. What was typed is kept when it is refused.
 */
export function WebhookForm({
  action,
  initialState,
  eventTypes,
  submitLabel,
  labels,
}: {
  action: (state: WebhookFormState, form: FormData) => Promise<WebhookFormState>;
  initialState: WebhookFormState;
  eventTypes: readonly string[];
  submitLabel: string;
  labels: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstProblem(form, state.attempt);
  const { values, problems, outcome } = state;
  const eventsProblem = Object.entries(problems).find(([path]) => path.startsWith("events"))?.[1];
  return (
    <form ref={form} action={formAction} key={state.attempt} noValidate className="mt-3 space-y-4">
      {state.secret && (
        <SecretShownOnce secret={state.secret} message={labels.created ?? ""} labels={labels} />
      )}
      {outcome === "saved" && <Notice kind="ok">{labels.saved}</Notice>}
      {outcome && outcome !== "saved" && outcome !== "created" && (
        <Notice kind="error">{failureText(outcome, labels)}</Notice>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="webhook-url" label={labels.url ?? "URL"}>
          <Input
            id="webhook-url"
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://"
            defaultValue={values.url}
            aria-invalid={problems.url ? true : undefined}
            aria-describedby={problems.url ? "url-error" : undefined}
            compact
            className="mt-1 w-full text-sm"
          />
          {problems.url && (
            <p id="url-error" className="mt-1 text-sm text-red-700">
              {problemText(problems.url, labels, "problem.")}
            </p>
          )}
        </Field>
        <Field id="webhook-description" label={labels.description ?? "Description"}>
          <Input
            id="webhook-description"
            name="description"
            maxLength={200}
            defaultValue={values.description}
            compact
            className="mt-1 w-full text-sm"
          />
        </Field>
      </div>
      <fieldset aria-describedby={eventsProblem ? "events-error" : undefined}>
        <legend className="text-sm font-medium">{labels.events}</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {eventTypes.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="events"
                value={type}
                defaultChecked={values.events.includes(type)}
                aria-invalid={eventsProblem ? true : undefined}
                className="mt-0.5"
              />
              <span>
                {labels[`eventNames.${type.replace(".", "_")}`] ?? type}{" "}
                <code className="text-xs text-slate-600">{type}</code>
              </span>
            </label>
          ))}
        </div>
        {eventsProblem && (
          <p id="events-error" className="mt-1 text-sm text-red-700">
            {problemText(eventsProblem, labels, "problem.")}
          </p>
        )}
      </fieldset>
      <button type="submit" disabled={pending} className={buttonClass()}>
        {submitLabel}
      </button>
    </form>
  );
}
