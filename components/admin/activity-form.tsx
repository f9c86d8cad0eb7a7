"use client";

import Link from "next/link";
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field, fieldDescription } from "@/components/ui/field";
import { useFocusFirstProblem, useUnsavedChanges } from "@/components/ui/form-guards";
import { Input, Select, Textarea } from "@/components/ui/input";
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

const control = "mt-1 w-full text-sm";

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

  const error = (name: string) => errors[name] && problemText(errors[name], labels, "problem.");
  const input = (name: string, label: string, type = "text", extra: object = {}) => (
    <Field id={name} label={label} error={error(name)}>
      <Input
        id={name}
        name={name}
        type={type}
        defaultValue={values[name]}
        className={control}
        {...fieldDescription(name, { error: errors[name] })}
        {...extra}
      />
    </Field>
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
      <Field id="description" label={labels.description ?? ""} error={error("description")}>
        <Textarea
          id="description"
          name="description"
          rows={3}
          defaultValue={values.description}
          className={control}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        {input("durationMinutes", labels.durationMinutes ?? "", "number", { min: 5, step: 5 })}
        {input("price", labels.price ?? "", "number", { min: 0, step: "0.01" })}
        <Field id="color" label={labels.color ?? ""} error={error("color")}>
          <Input
            compact
            id="color"
            name="color"
            type="color"
            defaultValue={values.color}
            className="mt-1 h-10 w-20"
          />
        </Field>
      </div>
      <Field id="modes" label={labels.modes ?? ""} error={error("modes")}>
        <Select id="modes" name="modes" defaultValue={values.modes} className={control}>
          <option value="in_person">{labels.modeInPerson}</option>
          <option value="online">{labels.modeOnline}</option>
          <option value="both">{labels.modeBoth}</option>
        </Select>
      </Field>
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
      <PaymentFields
        values={values}
        labels={labels}
        payments={payments}
        error={error}
        input={input}
      />
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
        <Button type="submit" size="lg" disabled={pending}>
          {pending ? labels.saving : labels.save}
        </Button>
        <Link href="/admin/activities" className="text-sm underline">
          {labels.back}
        </Link>
      </div>
    </form>
  );
}

/** How the service is paid online: nothing, in full, or a deposit (an amount or a share). */
function PaymentFields(props: {
  values: Record<string, string>;
  labels: Record<string, string>;
  payments: PaymentsReadiness;
  error: (name: string) => React.ReactNode;
  input: (name: string, label: string, type?: string, extra?: object) => React.ReactNode;
}) {
  const { values, labels, payments, error, input } = props;
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">{labels.payment}</legend>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="payment.rule" label={labels.payment ?? ""} error={error("payment.rule")}>
          <Select
            id="payment.rule"
            name="payment.rule"
            defaultValue={values["payment.rule"]}
            disabled={payments !== "ready"}
            aria-describedby="payment-hint"
            className={control}
          >
            <option value="none">{labels.paymentNone}</option>
            <option value="full">{labels.paymentFull}</option>
            <option value="deposit">{labels.paymentDeposit}</option>
          </Select>
        </Field>
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
  );
}
