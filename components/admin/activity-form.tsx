"use client";

import Link from "next/link";
import { useActionState, useRef } from "react";
import { useFocusFirstProblem, useUnsavedChanges } from "@/components/ui/form-guards";
import { LabelledField } from "@/components/ui/labelled-field";
import { Notice } from "@/components/ui/notice";
import type { ActivityFormState } from "@/lib/activities/activity-form";
import { problemText } from "@/lib/errors/field-problems";
import type { PaymentsReadiness } from "@/lib/payments/rule";

interface Props {
  action: (state: ActivityFormState, form: FormData) => Promise<ActivityFormState>;
  initialState: ActivityFormState;
  labels: Record<string, string>;
  /** The kinds of resource the business has, offered for "needs a resource". */
  kinds: string[];
  /** Whether the business can take payments, and if not, why. */
  payments: PaymentsReadiness;
}

const inputClass =
  "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600";

/** Every field of an activity; a server action with form state, so it works without JavaScript. */
export function ActivityForm({ action, initialState, labels, kinds, payments }: Props) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const { values, errors } = state;
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstProblem(form, state.attempt);
  // A save that goes through leaves the page; any answer here kept the typed values unsaved.
  useUnsavedChanges(form, labels.unsavedQuestion ?? "", {
    attempt: state.attempt,
    unsaved: true,
  });

  const describedBy = (name: string) => (errors[name] ? `${name}-error` : undefined);
  const error = (name: string) =>
    errors[name] && (
      <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
        {problemText(errors[name], labels, "problem.")}
      </p>
    );
  const input = (name: string, label: string, type = "text", extra: object = {}) => (
    <LabelledField id={name} label={label}>
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={values[name]}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(name)}
        className={inputClass}
        {...extra}
      />
      {error(name)}
    </LabelledField>
  );
  const checkbox = (name: string, label: string) => (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={values[name] === "on"} />
      {label}
    </label>
  );

  return (
    <form
      ref={form}
      action={formAction}
      key={state.attempt}
      noValidate
      className="mt-4 max-w-2xl space-y-5"
    >
      {(state.formError || Object.keys(errors).length > 0) && (
        <Notice kind="error">{state.formError ? labels[state.formError] : labels.invalid}</Notice>
      )}
      {input("name", labels.name ?? "", "text", { required: true, maxLength: 120 })}
      <LabelledField id="description" label={labels.description ?? ""}>
        <textarea
          id="description"
          name="description"
          rows={3}
          defaultValue={values.description}
          className={inputClass}
        />
        {error("description")}
      </LabelledField>
      <div className="grid gap-4 sm:grid-cols-3">
        {input("durationMinutes", labels.durationMinutes ?? "", "number", { min: 5, step: 5 })}
        {input("price", labels.price ?? "", "number", { min: 0, step: "0.01" })}
        <LabelledField id="color" label={labels.color ?? ""}>
          <input
            id="color"
            name="color"
            type="color"
            defaultValue={values.color}
            className="mt-1 h-10 w-20 rounded-md border border-slate-300"
          />
          {error("color")}
        </LabelledField>
      </div>
      <div>
        {checkbox("onlineBooking", labels.onlineBooking ?? "")}
        <p className="ml-6 text-xs text-slate-600">{labels.onlineBookingHint}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          {input("resourceKind", labels.resourceKind ?? "", "text", {
            list: "resource-kinds",
            maxLength: 80,
            placeholder: labels.resourceKindNone,
          })}
          <datalist id="resource-kinds">
            {kinds.map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
          <p className="mt-1 text-xs text-slate-600">{labels.resourceKindHint}</p>
        </div>
        <div>
          {input("capacity", labels.capacity ?? "", "number", { min: 1, max: 1000 })}
          <p className="mt-1 text-xs text-slate-600">{labels.capacityHint}</p>
        </div>
      </div>
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">{labels.payment}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <LabelledField id="payment.rule" label={labels.payment ?? ""}>
            <select
              id="payment.rule"
              name="payment.rule"
              defaultValue={values["payment.rule"]}
              disabled={payments !== "ready"}
              aria-describedby="payment-hint"
              className={inputClass}
            >
              <option value="none">{labels.paymentNone}</option>
              <option value="full">{labels.paymentFull}</option>
              <option value="deposit">{labels.paymentDeposit}</option>
            </select>
            {error("payment.rule")}
          </LabelledField>
          {input("payment.depositAmount", labels.depositAmount ?? "", "number", {
            min: 0,
            step: "0.01",
            disabled: payments !== "ready",
          })}
          {input("payment.depositPercent", labels.depositPercent ?? "", "number", {
            min: 1,
            max: 100,
            disabled: payments !== "ready",
          })}
        </div>
        <p id="payment-hint" className="mt-2 text-xs text-slate-600">
          {payments === "ready" ? labels.paymentHint : labels[`paymentNotReady_${payments}`]}
        </p>
      </fieldset>
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">{labels.requiredFields}</legend>
        <div className="space-y-2">
          {checkbox("requiredFields.phone", labels.requirePhone ?? "")}
          {checkbox("requiredFields.address", labels.requireAddress ?? "")}
          {checkbox("requiredFields.customField", labels.requireCustomField ?? "")}
          {input("requiredFields.customFieldLabel", labels.customFieldLabel ?? "")}
        </div>
      </fieldset>
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">{labels.reminder}</legend>
        <div className="space-y-2">
          {checkbox("reminderSettings.enabled", labels.reminderEnabled ?? "")}
          {input("reminderSettings.hoursBefore", labels.reminderHoursBefore ?? "", "number", {
            min: 1,
          })}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        {input("minimumBookingNoticeHours", labels.minimumNotice ?? "", "number", { min: 0 })}
        {input("maxAdvanceDays", labels.maxAdvanceDays ?? "", "number", { min: 1 })}
        {input("bufferBeforeMinutes", labels.bufferBefore ?? "", "number", { min: 0 })}
        {input("bufferAfterMinutes", labels.bufferAfter ?? "", "number", { min: 0 })}
      </div>
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
        >
          {pending ? labels.saving : labels.save}
        </button>
        <Link href="/admin/activities" className="text-sm underline">
          {labels.back}
        </Link>
      </div>
    </form>
  );
}
