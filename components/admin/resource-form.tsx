"use client";

import { useState } from "react";
import type { AvailabilityJson } from "@/lib/availability/availability";
import { LocationSelect } from "./location-select";
import {
  OwnHoursForm,
  type OwnHoursValues,
  RequiredField,
  type SaveRecordAction,
} from "./own-hours-form";

interface ResourceValues extends OwnHoursValues {
  name: string;
  kind: string;
  locationId: string;
}

/** A room, a chair, a machine: its name, its kind (what services ask for), where, and when. */
export function ResourceForm(props: {
  save: SaveRecordAction;
  /** The version of the record's hours as loaded (none for a new one). */
  version?: string;
  resourceId: string | null;
  initial: ResourceValues;
  businessWeek: AvailabilityJson["weeklySlots"];
  /** The kinds already in use, and those services ask for, as suggestions. */
  kinds: string[];
  locations: { id: string; name: string }[];
  dayNames: string[];
  labels: Record<string, string>;
}) {
  const { labels } = props;
  const [name, setName] = useState(props.initial.name);
  const [kind, setKind] = useState(props.initial.kind);
  const [locationId, setLocationId] = useState(props.initial.locationId);
  const [problems, setProblems] = useState<{ name?: boolean; kind?: boolean }>({});

  function check() {
    const found = { name: !name.trim(), kind: !kind.trim() };
    setProblems(found);
    const first = found.name ? "resource-name" : found.kind ? "resource-kind" : null;
    if (first) document.getElementById(first)?.focus();
    return !first;
  }
  const required = labels["problem.required"] ?? "";

  return (
    <OwnHoursForm
      version={props.version}
      initial={props.initial}
      inheritedWeek={props.businessWeek}
      dayNames={props.dayNames}
      labels={labels}
      fields={[name, kind, locationId]}
      check={check}
      submit={(hours) => props.save(props.resourceId, { name, kind, locationId, ...hours })}
      savedHref="/admin/team?saved=resource"
      isNew={!props.resourceId}
    >
      <RequiredField
        id="resource-name"
        label={labels["fields.name"] ?? ""}
        value={name}
        maxLength={120}
        problem={problems.name ? required : null}
        onChange={setName}
      />
      <RequiredField
        id="resource-kind"
        label={labels["fields.kind"] ?? ""}
        value={kind}
        maxLength={80}
        list="resource-kinds"
        problem={problems.kind ? required : null}
        onChange={setKind}
      />
      <datalist id="resource-kinds">
        {props.kinds.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <p className="-mt-3 text-xs text-slate-600">{labels.kindHint}</p>
      <LocationSelect
        label={labels["fields.location"] ?? ""}
        locations={props.locations}
        value={locationId}
        onChange={setLocationId}
      />
    </OwnHoursForm>
  );
}
