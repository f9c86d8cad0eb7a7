"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import type { BookingFormField, BookingFormState } from "@/lib/booking/booking-form";
import { type FieldProblem, problemText } from "@/lib/errors/field-problems";
import type messages from "@/lib/i18n/messages/en.json";

/** The form's texts: the "details" messages in the page's language, and its "problems". */
export type BookingFormLabels = typeof messages.details & {
  problems: typeof messages.problems;
  customerErrors: typeof messages.customerErrors;
};

/**
 * Why the booking was refused, in the customer's words: the error's one sentence, then for a time
 * no longer free why (taken meanwhile, or no longer offered) and what now (another time below, or
 * none left that day).
 */
function formErrorText(
  formError: NonNullable<BookingFormState["formError"]>,
  hasAlternatives: boolean,
  labels: BookingFormLabels,
): string {
  const errors = labels.customerErrors;
  if (formError === "slotTaken" || formError === "slotGone") {
    return [
      errors.SLOT_UNAVAILABLE,
      formError === "slotTaken" ? labels.takenMeanwhile : labels.noLongerOffered,
      hasAlternatives ? labels.chooseBelow : labels.noOtherTime,
    ].join(" ");
  }
  if (formError === "alreadyBooked") return labels.alreadyBooked;
  return formError === "moduleDisabled"
    ? errors.MODULE_DISABLED
    : formError === "paymentUnavailable"
      ? errors.PAYMENT_UNAVAILABLE
      : errors.failed;
}

/**
 * The customer's details. A server action with form state: it works before the JavaScript loads
 * (or without it), keeps what was typed when something is refused, and names each field's problem.
 */
export function BookingForm({
  action,
  initialState,
  fields,
  labels,
  payNotice,
  consent,
}: {
  action: (state: BookingFormState, form: FormData) => Promise<BookingFormState>;
  initialState: BookingFormState;
  fields: { phone: boolean; address: boolean; customFieldLabel: string | null };
  labels: BookingFormLabels;
  /** What is paid online before the booking is confirmed (null: nothing, paid at the venue). */
  payNotice: string | null;
  /** The consent the business asks for: its privacy notice to accept, and a news opt-in. */
  consent: { privacyNoticeUrl: string | null; marketing: boolean };
}) {
  // Texts come from the server: no translation library in the browser.
  const t = (key: Exclude<keyof BookingFormLabels, "problems" | "customerErrors">) => labels[key];
  const [state, formAction, pending] = useActionState(action, initialState);
  const { values, fieldErrors, alternatives } = state;
  const problem = (field: BookingFormField): FieldProblem | undefined => fieldErrors[field];
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;

  const field = (
    name: BookingFormField,
    label: string,
    input: { type?: string; autoComplete?: string; multiline?: boolean },
  ) => {
    const error = problem(name);
    const props = {
      id: `field-${name}`,
      name,
      defaultValue: values[name],
      required: true,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `error-${name}` : undefined,
      autoComplete: input.autoComplete,
      className: "w-full text-base",
    };
    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={props.id} className="text-sm font-medium">
          {label} <span className="font-normal text-slate-500">({t("required")})</span>
        </label>
        {input.multiline ? (
          <Textarea {...props} rows={2} />
        ) : (
          <Input {...props} type={input.type ?? "text"} />
        )}
        {error ? (
          <p id={`error-${name}`} className="text-sm text-red-700">
            {problemText(error, labels.problems)}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form key={state.attempt} action={formAction} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="formToken" value={values.formToken} />
      {hasFieldErrors ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("errorSummary")}
        </p>
      ) : null}
      {state.formError ? (
        <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {formErrorText(state.formError, Boolean(alternatives?.length), labels)}
        </p>
      ) : null}

      <AlternativeTimes
        alternatives={alternatives}
        current={values.at}
        legend={t("otherTimes")}
        error={problem("at") ? labels.problems.required : null}
      />

      {field("name", t("name"), { autoComplete: "name" })}
      {field("email", t("email"), { type: "email", autoComplete: "email" })}
      {fields.phone ? field("phone", t("phone"), { type: "tel", autoComplete: "tel" }) : null}
      {fields.address
        ? field("address", t("address"), { autoComplete: "street-address", multiline: true })
        : null}
      {fields.customFieldLabel
        ? field("customFieldValue", fields.customFieldLabel, { multiline: true })
        : null}

      <ConsentFields
        consent={consent}
        values={values}
        error={problem("privacyNotice")}
        labels={labels}
      />
      {payNotice ? (
        <p className="rounded-lg bg-slate-50 p-3 text-sm text-slate-700" data-testid="pay-notice">
          {payNotice}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className={buttonClass("brand", "cta", "mt-2")}>
        {pending ? t("submitting") : t(payNotice ? "submitPay" : "submit")}
      </button>
    </form>
  );
}

/** When the time chosen was taken: the nearest free times that day, one to pick. */
function AlternativeTimes(props: {
  alternatives: { at: string; label: string }[] | undefined;
  current: string;
  legend: string;
  error: string | null;
}) {
  if (!props.alternatives?.length) return <input type="hidden" name="at" value={props.current} />;
  return (
    <fieldset
      className="flex flex-col gap-2"
      aria-describedby={props.error ? "error-at" : undefined}
    >
      <legend className="mb-2 text-sm font-medium">{props.legend}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {props.alternatives.map((alternative) => (
          <label
            key={alternative.at}
            className="flex items-center gap-2 rounded-lg border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input type="radio" name="at" value={alternative.at} required />
            {alternative.label}
          </label>
        ))}
      </div>
      {props.error ? (
        <p id="error-at" className="text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The business's privacy notice to accept (when it has one) and its news to opt in to. */
function ConsentFields(props: {
  consent: { privacyNoticeUrl: string | null; marketing: boolean };
  values: Record<string, string>;
  error: FieldProblem | undefined;
  labels: BookingFormLabels;
}) {
  const { consent, values, labels } = props;
  const t = (key: "privacyAccept" | "privacyNotice" | "marketingOptIn") => labels[key];
  return (
    <>
      {consent.privacyNoticeUrl ? (
        <div className="flex flex-col gap-1">
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="privacyNotice"
              defaultChecked={values.privacyNotice === "on"}
              required
              aria-invalid={props.error ? true : undefined}
              aria-describedby={props.error ? "error-privacyNotice" : undefined}
              className="mt-1"
            />
            <span>
              {t("privacyAccept")}{" "}
              <a
                href={consent.privacyNoticeUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="underline"
              >
                {t("privacyNotice")}
              </a>
            </span>
          </label>
          {props.error ? (
            <p id="error-privacyNotice" className="text-sm text-red-700">
              {problemText(props.error, labels.problems)}
            </p>
          ) : null}
        </div>
      ) : null}
      {consent.marketing ? (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="marketing"
            defaultChecked={values.marketing === "on"}
            className="mt-1"
          />
          <span>{t("marketingOptIn")}</span>
        </label>
      ) : null}
    </>
  );
}
