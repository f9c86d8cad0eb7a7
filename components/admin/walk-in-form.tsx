"use client";

import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LabelledField } from "@/components/ui/labelled-field";
import { Notice } from "@/components/ui/notice";
import { type FieldProblems, problemText } from "@/lib/errors/field-problems";
import type { CalendarActions } from "./calendar-actions";
import { type CalendarLabels, type CalendarStaff, outcomeText } from "./calendar-text";
import { SidePanel } from "./side-panel";

export interface CalendarActivity {
  id: string;
  name: string;
  requirePhone: boolean;
  requireAddress: boolean;
  customFieldLabel: string | null;
}

interface Props {
  /** The wall-clock start picked on the calendar ("2026-11-24T10:00"), or "" for none yet. */
  at: string;
  activities: CalendarActivity[];
  staff: CalendarStaff[];
  /** The person whose column was clicked; "" for no preference. */
  initialStaffId?: string;
  labels: CalendarLabels;
  bookWalkIn: CalendarActions["bookWalkIn"];
  onBooked: () => void;
  onClose: () => void;
}

const inputClass = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm";

/** After a refused submit, the first field in the form's order that has a problem takes focus. */
export function focusFirstProblem(form: HTMLFormElement, problems: FieldProblems) {
  const fields = form.querySelectorAll<HTMLElement>("[data-path]");
  for (const field of fields) {
    if (problems[field.dataset.path ?? ""]) {
      field.focus();
      return;
    }
  }
}

/**
 * A booking taken by the business (walk-in, phone), checked by the public booking's schema but
 * for the e-mail address, which the business may leave out.
 */
export function WalkInForm({
  at,
  activities,
  staff,
  initialStaffId = "",
  labels,
  bookWalkIn,
  onBooked,
  onClose,
}: Props) {
  const [activityId, setActivityId] = useState(activities[0]?.id ?? "");
  // "" is no preference: whoever performs the service and is free.
  const [staffId, setStaffId] = useState(initialStaffId);
  const performers = staff.filter((s) => s.activityIds.includes(activityId));
  const [errors, setErrors] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [outsideHours, setOutsideHours] = useState(false);
  const [busy, startTransition] = useTransition();
  const activity = activities.find((a) => a.id === activityId);

  function submit(form: HTMLFormElement, anyTime: boolean) {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "");
    const body = {
      activityId,
      staffId: performers.some((s) => s.id === staffId) ? staffId : null,
      dateTime: text("at"),
      clientInfo: {
        name: text("name"),
        email: text("email"),
        phone: text("phone"),
        address: text("address"),
        customFieldValue: text("customFieldValue"),
      },
    };
    startTransition(async () => {
      const result = await bookWalkIn(body, anyTime);
      if (result.ok && result.value === "outsideHours") {
        setErrors({});
        setOutsideHours(true);
        return;
      }
      setOutsideHours(false);
      const problems = !result.ok && result.code === "VALIDATION_ERROR" ? result.problems : null;
      setErrors(problems ?? {});
      if (problems) focusFirstProblem(form, problems);
      setFailure(
        !result.ok && result.code !== "VALIDATION_ERROR" ? outcomeText(result, labels) : null,
      );
      if (result.ok) onBooked();
    });
  }

  // A problem goes away as soon as its field is edited.
  const clear = (path: string) => errors[path] && setErrors(({ [path]: _fixed, ...rest }) => rest);
  const problem = (path: string, id: string) =>
    errors[path] && (
      <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
        {problemText(errors[path], labels, "problem.")}
      </p>
    );

  const field = (name: string, path: string, label: string, type = "text", required = false) => (
    <LabelledField id={`walk-in-${name}`} label={required ? `${label} *` : label}>
      <input
        id={`walk-in-${name}`}
        name={name}
        type={type}
        required={required}
        data-path={path}
        onInput={() => clear(path)}
        aria-invalid={errors[path] ? true : undefined}
        aria-describedby={errors[path] ? `walk-in-${name}-error` : undefined}
        className={inputClass}
      />
      {problem(path, `walk-in-${name}`)}
    </LabelledField>
  );

  if (activities.length === 0) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        {labels.noActivities}
      </p>
    );
  }

  return (
    <SidePanel
      titleId="walk-in-title"
      title={labels.newAppointment ?? ""}
      closeLabel={labels.close ?? ""}
      onClose={onClose}
    >
      <form
        className="mt-2 space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit(e.currentTarget, false);
        }}
      >
        <LabelledField id="walk-in-activity" label={labels.activity ?? ""}>
          <select
            id="walk-in-activity"
            value={activityId}
            onChange={(e) => setActivityId(e.target.value)}
            className={inputClass}
          >
            {activities.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </LabelledField>
        {performers.length > 1 && (
          <LabelledField id="walk-in-staff" label={labels.with ?? ""}>
            <select
              id="walk-in-staff"
              value={staffId}
              onChange={(e) => setStaffId(e.target.value)}
              className={inputClass}
            >
              <option value="">{labels.anyone}</option>
              {performers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </LabelledField>
        )}
        <LabelledField id="walk-in-at" label={`${labels.startsAt} *`}>
          <input
            id="walk-in-at"
            name="at"
            type="datetime-local"
            step={300}
            required
            defaultValue={at}
            data-path="dateTime"
            onInput={() => clear("dateTime")}
            aria-invalid={errors.dateTime ? true : undefined}
            aria-describedby={errors.dateTime ? "walk-in-at-error" : undefined}
            className={inputClass}
          />
          {problem("dateTime", "walk-in-at")}
        </LabelledField>
        {field("name", "clientInfo.name", labels.client ?? "", "text", true)}
        {field("email", "clientInfo.email", labels.email ?? "", "email")}
        <p className="-mt-1 text-xs text-slate-600">{labels.walkInNoEmail}</p>
        {field("phone", "clientInfo.phone", labels.phone ?? "", "tel", activity?.requirePhone)}
        {activity?.requireAddress &&
          field("address", "clientInfo.address", labels.address ?? "", "text", true)}
        {activity?.customFieldLabel &&
          field("customFieldValue", "clientInfo.customFieldValue", activity.customFieldLabel)}
        {failure && <Notice kind="error">{failure}</Notice>}
        {outsideHours && (
          <ConfirmDialog
            id="walk-in-outside"
            tone="warning"
            question={labels.outsideHoursBook ?? ""}
            confirmLabel={labels.bookAnyway ?? ""}
            onConfirm={(e) => {
              const form = e.currentTarget.closest("form");
              if (form) submit(form, true);
            }}
            busy={busy}
          />
        )}
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
        >
          {labels.book}
        </button>
      </form>
    </SidePanel>
  );
}
