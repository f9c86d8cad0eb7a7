"use client";

import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, fieldDescription } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { type FieldProblems, problemText } from "@/lib/errors/field-problems";
import { zoneCity } from "@/lib/i18n/format";
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
  /** The business's places, each with its clock; with several, the walk-in says where. */
  locations: { id: string; name: string; timeZone: string }[];
  /** The calendar's zone, which `at` is on. */
  timeZone: string;
  /** The person whose column was clicked; "" for no preference. */
  initialStaffId?: string;
  labels: CalendarLabels;
  bookWalkIn: CalendarActions["bookWalkIn"];
  onBooked: () => void;
  onClose: () => void;
}

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

/** Which service, and with whom when several perform it ("anyone": whoever is free). */
function ServiceAndStaff(props: {
  activities: CalendarActivity[];
  activityId: string;
  onActivity: (id: string) => void;
  performers: CalendarStaff[];
  staffId: string;
  onStaff: (id: string) => void;
  labels: CalendarLabels;
}) {
  const { activities, activityId, performers, staffId, labels } = props;
  return (
    <>
      <Field id="walk-in-activity" label={labels.activity ?? ""}>
        <Select
          compact
          id="walk-in-activity"
          value={activityId}
          onChange={(e) => props.onActivity(e.target.value)}
          className="mt-1 w-full text-sm"
        >
          {activities.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
      </Field>
      {performers.length > 1 && (
        <Field id="walk-in-staff" label={labels.with ?? ""}>
          <Select
            compact
            id="walk-in-staff"
            value={staffId}
            onChange={(e) => props.onStaff(e.target.value)}
            className="mt-1 w-full text-sm"
          >
            <option value="">{labels.anyone}</option>
            {performers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}

/**
 * Sending a walk-in: a start outside the hours waits for the owner's word, a refused field takes
 * focus with its problem, anything else refused is said above the button.
 */
function useWalkIn(
  bookWalkIn: CalendarActions["bookWalkIn"],
  labels: CalendarLabels,
  onBooked: () => void,
) {
  const [errors, setErrors] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [outsideHours, setOutsideHours] = useState(false);
  const [busy, startTransition] = useTransition();
  function send(form: HTMLFormElement, body: unknown, anyTime: boolean) {
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
  return { errors, setErrors, failure, outsideHours, busy, send };
}

/**
 * A booking taken by the business (walk-in, phone), checked by the public booking's schema but
 * for the e-mail address, which the business may leave out.
 */
export function WalkInForm({
  at,
  activities,
  staff,
  locations,
  timeZone,
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
  const { errors, setErrors, failure, outsideHours, busy, send } = useWalkIn(
    bookWalkIn,
    labels,
    onBooked,
  );
  const activity = activities.find((a) => a.id === activityId);
  // Several places: the time is typed on the clock of the one chosen (the calendar's, at first).
  const [place, setPlace] = useState(locations[0]?.id ?? "");
  const [start, setStart] = useState(at);
  const zoneOf = (id: string) => locations.find((l) => l.id === id)?.timeZone ?? timeZone;
  const [zone, setZone] = useState(timeZone);
  function choosePlace(id: string) {
    const next = zoneOf(id);
    // The same instant, read on the new place's clock.
    if (start) setStart(formatInTimeZone(fromZonedTime(start, zone), next, "yyyy-MM-dd'T'HH:mm"));
    setPlace(id);
    setZone(next);
  }

  function submit(form: HTMLFormElement, anyTime: boolean) {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "");
    const body = {
      activityId,
      staffId: performers.some((s) => s.id === staffId) ? staffId : null,
      locationId: locations.length > 1 ? place : null,
      dateTime: text("at"),
      clientInfo: {
        name: text("name"),
        email: text("email"),
        phone: text("phone"),
        address: text("address"),
        customFieldValue: text("customFieldValue"),
      },
    };
    send(form, body, anyTime);
  }

  // A problem goes away as soon as its field is edited.
  const clear = (path: string) => errors[path] && setErrors(({ [path]: _fixed, ...rest }) => rest);
  const error = (path: string) => errors[path] && problemText(errors[path], labels, "problem.");
  const control = (path: string, id: string) => ({
    "data-path": path,
    onInput: () => clear(path),
    className: "mt-1 w-full text-sm",
    ...fieldDescription(id, { error: errors[path] }),
  });
  const field = (name: string, path: string, label: string, type = "text", required = false) => (
    <Field id={`walk-in-${name}`} label={required ? `${label} *` : label} error={error(path)}>
      <Input
        compact
        id={`walk-in-${name}`}
        name={name}
        type={type}
        required={required}
        {...control(path, `walk-in-${name}`)}
      />
    </Field>
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
        <ServiceAndStaff
          activities={activities}
          activityId={activityId}
          onActivity={setActivityId}
          performers={performers}
          staffId={staffId}
          onStaff={setStaffId}
          labels={labels}
        />
        {locations.length > 1 && (
          <Field id="walk-in-place" label={labels.place ?? ""}>
            <Select
              id="walk-in-place"
              value={place}
              onChange={(e) => choosePlace(e.target.value)}
              className="mt-1 w-full text-sm"
            >
              {locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field
          id="walk-in-at"
          label={`${(labels.startsAtIn ?? "").replace("{zone}", zoneCity(zone))} *`}
          error={error("dateTime")}
        >
          <Input
            compact
            id="walk-in-at"
            name="at"
            type="datetime-local"
            step={300}
            required
            value={start}
            onChange={(e) => setStart(e.target.value)}
            {...control("dateTime", "walk-in-at")}
          />
        </Field>
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
        <Button type="submit" disabled={busy}>
          {labels.book}
        </Button>
      </form>
    </SidePanel>
  );
}
