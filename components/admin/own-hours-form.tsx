"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/access/action-caller";
import type { AvailabilityJson } from "@/lib/availability/availability";
import { AvailabilityEditor } from "./availability-editor";

/** A page's server action saving one team record (`id` null: a new one), handed to its form. */
export type SaveRecordAction = (id: string | null, body: unknown) => Promise<ActionResult<string>>;

/** Hours of one's own: null weeklySlots takes those of what one belongs to. */
export interface OwnHoursValues {
  weeklySlots: AvailabilityJson["weeklySlots"] | null;
  exceptions: AvailabilityJson["exceptions"];
  /** The version of the stored hours these were changed from (see assertOwnHoursVersion). */
  basis?: string;
}

/**
 * The form of something with hours of its own (a staff member, a resource, a location): its own
 * fields (`children`), then whether it keeps the hours it inherits or has its own, the week and
 * the days off; saved in one go through the week editor's button.
 */
export function OwnHoursForm(props: {
  initial: OwnHoursValues;
  /** The inherited week, offered as the start of its own. */
  inheritedWeek: AvailabilityJson["weeklySlots"];
  dayNames: string[];
  labels: Record<string, string>;
  /** The other fields' values, to tell unsaved changes. */
  fields: unknown;
  /** Checks the other fields, focusing the first wrong one; false stops the save. */
  check: () => boolean;
  submit: (hours: OwnHoursValues) => Promise<ActionResult<unknown>>;
  /** Where a new one's page goes once saved (the list, saying so). */
  savedHref: string;
  isNew: boolean;
  /** The places each window may be at (a staff member's), their home first. */
  places?: { id: string; name: string }[];
  /** The version of the hours as loaded (an existing record's): a stale save is refused. */
  version?: string;
  children: React.ReactNode;
}) {
  const { labels } = props;
  const router = useRouter();
  const [ownHours, setOwnHours] = useState(props.initial.weeklySlots !== null);
  const fields = JSON.stringify([props.fields, ownHours]);
  const [savedFields, setSavedFields] = useState(fields);

  async function save(body: AvailabilityJson, basis?: string) {
    if (!props.check()) return { ok: false as const, code: "VALIDATION_ERROR" as const };
    const result = await props.submit({
      weeklySlots: ownHours ? body.weeklySlots : null,
      exceptions: body.exceptions,
      basis,
    });
    if (result.ok) {
      setSavedFields(fields);
      if (props.isNew) router.push(props.savedHref);
    }
    return result;
  }

  return (
    <AvailabilityEditor
      initial={{
        weeklySlots: props.initial.weeklySlots ?? props.inheritedWeek,
        exceptions: props.initial.exceptions,
      }}
      dayNames={props.dayNames}
      labels={{
        ...labels,
        saved: labels.savedMessage ?? "",
        exceptions: labels.daysOffTitle ?? "",
        exceptionsIntro: labels.daysOffIntro ?? "",
        // Only the business's own closed days are shown to customers.
        reason: labels.privateReason ?? "",
        noExceptions: labels.noDaysOff ?? "",
      }}
      canManage
      save={save}
      weekHidden={!ownHours}
      otherChanges={fields !== savedFields}
      places={props.places}
      version={props.version}
    >
      <div className="grid max-w-xl gap-4 rounded-lg border border-slate-200 bg-white p-4">
        {props.children}
        <fieldset className="text-sm">
          <legend className="font-medium">{labels["fields.hours"]}</legend>
          <label className="mt-1 flex items-center gap-2">
            <input
              type="radio"
              name="hours"
              checked={!ownHours}
              onChange={() => setOwnHours(false)}
            />
            {labels.inheritedHours}
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="hours"
              checked={ownHours}
              onChange={() => setOwnHours(true)}
            />
            {labels.ownHours}
          </label>
        </fieldset>
      </div>
    </AvailabilityEditor>
  );
}

/** A text field (required unless told) that shows its problem, and can be focused by its id. */
export function RequiredField(props: {
  id: string;
  required?: boolean;
  label: string;
  value: string;
  maxLength: number;
  problem: string | null;
  onChange: (value: string) => void;
  list?: string;
  type?: string;
  placeholder?: string;
}) {
  return (
    <label className="flex flex-col text-sm font-medium">
      {props.label}
      <Input
        id={props.id}
        type={props.type}
        placeholder={props.placeholder}
        value={props.value}
        maxLength={props.maxLength}
        required={props.required ?? true}
        list={props.list}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={props.problem ? `${props.id}-problem` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        className="mt-1"
      />
      {props.problem && (
        <span id={`${props.id}-problem`} className="mt-1 font-normal text-red-700">
          {props.problem}
        </span>
      )}
    </label>
  );
}
