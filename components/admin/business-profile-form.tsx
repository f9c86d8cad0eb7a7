"use client";

import { useActionState, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFocusFirstProblem, useUnsavedChanges } from "@/components/ui/form-guards";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { ProfileField, ProfileFormState } from "@/lib/admin/profile-form";
import { failureText } from "@/lib/errors/failure-text";
import { problemText } from "@/lib/errors/field-problems";
import type { TimeZoneOption } from "@/lib/i18n/time-zones";

/**
 * The business's profile, contact and booking policy. A server action with form state: it works
 * without JavaScript, keeps every typed value when something is refused, and names each problem
 * next to its field.
 */
export function BusinessProfileForm({
  action,
  initialState,
  timeZones,
  canManage,
  labels,
}: {
  action: (state: ProfileFormState, form: FormData) => Promise<ProfileFormState>;
  initialState: ProfileFormState;
  timeZones: TimeZoneOption[];
  canManage: boolean;
  labels: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const form = useRef<HTMLFormElement>(null);
  const { values, problems, outcome } = state;
  useFocusFirstProblem(form, state.attempt);
  useUnsavedChanges(form, labels.unsavedQuestion ?? "", {
    attempt: state.attempt,
    unsaved: outcome !== "saved",
  });

  const invalid = (name: ProfileField) =>
    problems[name] ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {};
  const problem = (name: ProfileField) => {
    const found = problems[name];
    return (
      found && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
          {problemText(found, labels, "problem.")}
        </p>
      )
    );
  };
  const field = (
    name: ProfileField,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
    className?: string,
  ) => (
    <Field id={name} label={labels[name] ?? name} className={className}>
      <Input
        id={name}
        name={name}
        defaultValue={values[name]}
        compact
        className="mt-1 w-full text-sm"
        {...invalid(name)}
        {...extra}
      />
      {problem(name)}
    </Field>
  );

  return (
    <form ref={form} action={formAction} key={state.attempt} noValidate className="mt-3">
      {outcome === "saved" && <Notice kind="ok">{labels.saved}</Notice>}
      {outcome && outcome !== "saved" && (
        <Notice kind="error">{failureText(outcome, labels)}</Notice>
      )}
      <fieldset disabled={!canManage} className="mt-3 grid gap-4 sm:grid-cols-2">
        {field("name", { maxLength: 120, autoComplete: "organization" })}
        <Field id="timeZone" label={labels.timeZone ?? ""}>
          <Input
            id="timeZone"
            name="timeZone"
            defaultValue={values.timeZone}
            list="time-zones"
            autoComplete="off"
            spellCheck={false}
            compact
            className="mt-1 w-full text-sm"
            aria-describedby={problems.timeZone ? "timeZone-error" : "timeZone-hint"}
            aria-invalid={problems.timeZone ? true : undefined}
          />
          <datalist id="time-zones">
            {timeZones.map((z) => (
              <option key={z.value} value={z.value} label={z.label} />
            ))}
          </datalist>
          <p id="timeZone-hint" className="mt-1 text-xs text-slate-600">
            {labels.timeZoneHint}
          </p>
          {problem("timeZone")}
        </Field>
        <Field id="locale" label={labels.locale ?? ""}>
          <Select
            id="locale"
            name="locale"
            defaultValue={values.locale}
            compact
            className="mt-1 w-full text-sm"
          >
            <option value="fr">Français</option>
            <option value="en">English</option>
          </Select>
        </Field>
        {field("currency", { maxLength: 3, autoCapitalize: "characters" })}
        {field("address", { maxLength: 300, autoComplete: "street-address" }, "sm:col-span-2")}
        {field("contactEmail", { type: "email", autoComplete: "email" })}
        {field("contactPhone", { type: "tel", autoComplete: "tel" })}
        {field("slotIntervalMinutes", { type: "number", min: 5, max: 240 })}
        {field("cancellationNoticeHours", { type: "number", min: 0 })}
        {field("rescheduleNoticeHours", { type: "number", min: 0 })}
        <Field id="policyText" label={labels.policyText ?? ""} className="sm:col-span-2">
          <Textarea
            id="policyText"
            name="policyText"
            rows={3}
            maxLength={1000}
            defaultValue={values.policyText}
            compact
            className="mt-1 w-full text-sm"
            {...invalid("policyText")}
          />
          {problem("policyText")}
        </Field>
        {canManage && (
          <div className="sm:col-span-2">
            <button type="submit" disabled={pending} className={buttonClass()}>
              {pending ? labels.saving : labels.save}
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}
