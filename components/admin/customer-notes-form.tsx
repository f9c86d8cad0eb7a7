"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { failureText } from "@/lib/errors/failure-text";

export interface CustomerNotesState {
  attempt: number;
  values: { notes: string; tags: string };
  outcome?: string;
}

/** A customer's notes and tags; what was typed is kept when it is refused. */
export function CustomerNotesForm({
  action,
  initialState,
  labels,
}: {
  action: (state: CustomerNotesState, form: FormData) => Promise<CustomerNotesState>;
  initialState: CustomerNotesState;
  labels: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, initialState);
  return (
    <form action={formAction} key={state.attempt} className="mt-3 space-y-3">
      {state.outcome === "saved" && <Notice kind="ok">{labels.saved}</Notice>}
      {state.outcome && state.outcome !== "saved" && (
        <Notice kind="error">{failureText(state.outcome, labels)}</Notice>
      )}
      <Field id="customer-notes" label={labels.notes ?? "Notes"}>
        <Textarea
          id="customer-notes"
          name="notes"
          rows={4}
          maxLength={5000}
          defaultValue={state.values.notes}
          compact
          className="mt-1 w-full text-sm"
        />
      </Field>
      <Field id="customer-tags" label={labels.tags ?? "Tags"}>
        <Input
          id="customer-tags"
          name="tags"
          defaultValue={state.values.tags}
          compact
          className="mt-1 w-full text-sm"
        />
      </Field>
      <button type="submit" disabled={pending} className={buttonClass()}>
        {labels.save}
      </button>
    </form>
  );
}
