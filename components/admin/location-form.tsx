"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import type { AvailabilityJson } from "@/lib/availability/availability";
import type { TimeZoneOption } from "@/lib/i18n/time-zones";
import {
  OwnHoursForm,
  type OwnHoursValues,
  RequiredField,
  type SaveRecordAction,
} from "./own-hours-form";

interface LocationValues extends OwnHoursValues {
  name: string;
  timeZone: string;
  address: string;
  contactEmail: string;
  contactPhone: string;
  online: boolean;
  meetingBaseUrl: string;
}

/**
 * A location: its name and time zone, where customers go (or that it is online, with its video
 * service), how to reach it, and its hours. Empty fields take the business's own.
 */
export function LocationForm(props: {
  save: SaveRecordAction;
  /** The version of the record's hours as loaded (none for a new one). */
  version?: string;
  locationId: string | null;
  initial: LocationValues;
  businessWeek: AvailabilityJson["weeklySlots"];
  timeZones: TimeZoneOption[];
  dayNames: string[];
  labels: Record<string, string>;
}) {
  const { labels } = props;
  const [values, setValues] = useState(props.initial);
  const [problems, setProblems] = useState<Partial<Record<keyof LocationValues, string>>>({});
  const set =
    <K extends keyof LocationValues>(key: K) =>
    (value: LocationValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const zones = new Set(props.timeZones.map((z) => z.value));

  function check() {
    const found: typeof problems = {};
    if (!values.name.trim()) found.name = labels["problem.required"];
    if (values.timeZone.trim() && !zones.has(values.timeZone.trim())) {
      found.timeZone = labels.timeZoneProblem;
    }
    if (
      values.online &&
      values.meetingBaseUrl.trim() &&
      !/^https:\/\/\S+$/.test(values.meetingBaseUrl.trim())
    ) {
      found.meetingBaseUrl = labels.meetingUrlProblem;
    }
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(`location-${first}`)?.focus();
    return !first;
  }

  const text = (key: "address" | "contactEmail" | "contactPhone", type = "text") => (
    <RequiredField
      id={`location-${key}`}
      required={false}
      type={type}
      label={labels[`fields.${key}`] ?? ""}
      value={values[key]}
      maxLength={300}
      placeholder={labels[`placeholder.${key}`]}
      problem={problems[key] ?? null}
      onChange={set(key)}
    />
  );

  return (
    <OwnHoursForm
      version={props.version}
      initial={props.initial}
      inheritedWeek={props.businessWeek}
      dayNames={props.dayNames}
      labels={labels}
      fields={values}
      check={check}
      submit={(hours) =>
        props.save(props.locationId, {
          name: values.name,
          timeZone: values.timeZone.trim() || null,
          address: values.address,
          contactEmail: values.contactEmail,
          contactPhone: values.contactPhone,
          online: values.online,
          meetingBaseUrl: values.online ? values.meetingBaseUrl : null,
          ...hours,
        })
      }
      savedHref="/admin/team?saved=location"
      isNew={!props.locationId}
    >
      <RequiredField
        id="location-name"
        label={labels["fields.name"] ?? ""}
        value={values.name}
        maxLength={120}
        problem={problems.name ?? null}
        onChange={set("name")}
      />
      <RequiredField
        id="location-timeZone"
        required={false}
        label={labels["fields.timeZone"] ?? ""}
        value={values.timeZone}
        maxLength={64}
        list="location-time-zones"
        problem={problems.timeZone ?? null}
        onChange={set("timeZone")}
      />
      <datalist id="location-time-zones">
        {props.timeZones.map((z) => (
          <option key={z.value} value={z.value} label={z.label} />
        ))}
      </datalist>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          checked={values.online}
          onChange={(e) => set("online")(e.target.checked)}
        />
        {labels["fields.online"]}
      </label>
      {values.online ? (
        <label className="flex flex-col text-sm font-medium">
          {labels["fields.meetingBaseUrl"]}
          <Input
            id="location-meetingBaseUrl"
            type="url"
            value={values.meetingBaseUrl}
            maxLength={200}
            placeholder="https://meet.jit.si"
            aria-invalid={problems.meetingBaseUrl ? true : undefined}
            onChange={(e) => set("meetingBaseUrl")(e.target.value)}
            className="mt-1"
          />
          <span className="mt-1 text-xs font-normal text-slate-600">{labels.meetingHint}</span>
          {problems.meetingBaseUrl && (
            <span className="mt-1 font-normal text-red-700">{problems.meetingBaseUrl}</span>
          )}
        </label>
      ) : (
        text("address")
      )}
      {text("contactEmail", "email")}
      {text("contactPhone", "tel")}
    </OwnHoursForm>
  );
}
