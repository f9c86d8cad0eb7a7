"use client";

import { useState } from "react";
import { Input, Select } from "@/components/ui/input";
import type { AvailabilityJson } from "@/lib/availability/availability";
import { LocationSelect } from "./location-select";
import {
  OwnHoursForm,
  type OwnHoursValues,
  RequiredField,
  type SaveRecordAction,
} from "./own-hours-form";

interface StaffValues extends OwnHoursValues {
  name: string;
  color: string;
  userId: string | null;
  locationId: string;
  activityIds: string[];
}

/** A staff member: who they are, where, what they perform, and when they work. */
export function StaffForm(props: {
  save: SaveRecordAction;
  /** The version of the record's hours as loaded (none for a new one). */
  version?: string;
  staffId: string | null;
  initial: StaffValues;
  /** The business's week, offered as the start of someone's own hours. */
  businessWeek: AvailabilityJson["weeklySlots"];
  services: { id: string; name: string }[];
  users: { id: string; label: string }[];
  /** The business's locations; a choice only when there are several. */
  locations: { id: string; name: string }[];
  dayNames: string[];
  labels: Record<string, string>;
}) {
  const { labels } = props;
  const [name, setName] = useState(props.initial.name);
  const [color, setColor] = useState(props.initial.color);
  const [userId, setUserId] = useState(props.initial.userId ?? "");
  const [locationId, setLocationId] = useState(props.initial.locationId);
  const [activityIds, setActivityIds] = useState(props.initial.activityIds);
  const [nameProblem, setNameProblem] = useState(false);

  function check() {
    setNameProblem(!name.trim());
    if (!name.trim()) document.getElementById("staff-name")?.focus();
    return Boolean(name.trim());
  }

  // Each window at one of the places, theirs first (a window saying none is at theirs).
  const home = props.locations.find((l) => l.id === locationId);
  const places = home ? [home, ...props.locations.filter((l) => l !== home)] : props.locations;
  return (
    <OwnHoursForm
      version={props.version}
      places={places}
      initial={props.initial}
      inheritedWeek={props.businessWeek}
      dayNames={props.dayNames}
      labels={{ ...labels, inheritedHours: labels.businessHours ?? "" }}
      fields={[name, color, userId, locationId, activityIds]}
      check={check}
      submit={(hours) =>
        props.save(props.staffId, {
          name,
          color,
          userId: userId || null,
          locationId,
          activityIds,
          ...hours,
        })
      }
      savedHref="/admin/team?saved=1"
      isNew={!props.staffId}
    >
      <RequiredField
        id="staff-name"
        label={labels["fields.name"] ?? ""}
        value={name}
        maxLength={120}
        problem={nameProblem ? (labels["problem.required"] ?? "") : null}
        onChange={setName}
      />
      <label className="flex flex-col text-sm font-medium">
        {labels["fields.color"]}
        <Input
          type="color"
          value={color}
          onChange={(e) => setColor(e.target.value)}
          className="mt-1 h-10 w-20"
        />
      </label>
      <LocationSelect
        label={labels["fields.location"] ?? ""}
        locations={props.locations}
        value={locationId}
        onChange={setLocationId}
      />
      <label className="flex flex-col text-sm font-medium">
        {labels["fields.login"]}
        <Select value={userId} onChange={(e) => setUserId(e.target.value)} className="mt-1">
          <option value="">{labels.noLogin}</option>
          {props.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </Select>
      </label>
      <fieldset className="text-sm">
        <legend className="font-medium">{labels["fields.services"]}</legend>
        {props.services.length === 0 && <p className="text-slate-600">{labels.noServicesYet}</p>}
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {props.services.map((s) => (
            <label key={s.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={activityIds.includes(s.id)}
                onChange={(e) =>
                  setActivityIds((ids) =>
                    e.target.checked ? [...ids, s.id] : ids.filter((id) => id !== s.id),
                  )
                }
              />
              {s.name}
            </label>
          ))}
        </div>
      </fieldset>
    </OwnHoursForm>
  );
}
