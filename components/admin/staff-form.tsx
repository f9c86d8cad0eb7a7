"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveStaffAction } from "@/app/admin/team/actions";
import type { AvailabilityJson } from "@/lib/availability/availability";
import { AvailabilityEditor } from "./availability-editor";

interface StaffValues {
  name: string;
  color: string;
  userId: string | null;
  activityIds: string[];
  /** null: the business's hours. */
  weeklySlots: AvailabilityJson["weeklySlots"] | null;
  exceptions: AvailabilityJson["exceptions"];
}

/**
 * A staff member: who they are, what they perform, and when they work (the business's hours or
 * their own week), with their days off; saved in one go through the week editor's button.
 */
export function StaffForm(props: {
  staffId: string | null;
  initial: StaffValues;
  /** The business's week, offered as the start of someone's own hours. */
  businessWeek: AvailabilityJson["weeklySlots"];
  services: { id: string; name: string }[];
  users: { id: string; label: string }[];
  dayNames: string[];
  labels: Record<string, string>;
}) {
  const { labels } = props;
  const router = useRouter();
  const [name, setName] = useState(props.initial.name);
  const [color, setColor] = useState(props.initial.color);
  const [userId, setUserId] = useState(props.initial.userId ?? "");
  const [activityIds, setActivityIds] = useState(props.initial.activityIds);
  const [ownHours, setOwnHours] = useState(props.initial.weeklySlots !== null);
  const [nameProblem, setNameProblem] = useState(false);
  const fields = JSON.stringify([name, color, userId, activityIds, ownHours]);
  const [savedFields, setSavedFields] = useState(fields);

  async function save(body: AvailabilityJson) {
    if (!name.trim()) {
      setNameProblem(true);
      document.getElementById("staff-name")?.focus();
      return { ok: false as const, code: "VALIDATION_ERROR" as const };
    }
    setNameProblem(false);
    const result = await saveStaffAction(props.staffId, {
      name,
      color,
      userId: userId || null,
      activityIds,
      weeklySlots: ownHours ? body.weeklySlots : null,
      exceptions: body.exceptions,
    });
    if (result.ok) {
      setSavedFields(fields);
      if (!props.staffId) router.push("/admin/team?saved=1");
    }
    return result;
  }

  const input = "mt-1 rounded-md border border-slate-300 px-3 py-2";
  return (
    <AvailabilityEditor
      initial={{
        weeklySlots: props.initial.weeklySlots ?? props.businessWeek,
        exceptions: props.initial.exceptions,
      }}
      dayNames={props.dayNames}
      labels={{
        ...labels,
        saved: labels.savedMessage ?? "",
        exceptions: labels.daysOffTitle ?? "",
        exceptionsIntro: labels.daysOffIntro ?? "",
        noExceptions: labels.noDaysOff ?? "",
      }}
      canManage
      save={save}
      weekHidden={!ownHours}
      otherChanges={fields !== savedFields}
    >
      <div className="grid max-w-xl gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <label className="flex flex-col text-sm font-medium">
          {labels["fields.name"]}
          <input
            id="staff-name"
            value={name}
            maxLength={120}
            required
            aria-invalid={nameProblem ? true : undefined}
            aria-describedby={nameProblem ? "staff-name-problem" : undefined}
            onChange={(e) => setName(e.target.value)}
            className={`${input} aria-[invalid=true]:border-red-600`}
          />
          {nameProblem && (
            <span id="staff-name-problem" className="mt-1 font-normal text-red-700">
              {labels["problem.required"]}
            </span>
          )}
        </label>
        <label className="flex flex-col text-sm font-medium">
          {labels["fields.color"]}
          <input
            type="color"
            value={color}
            onChange={(e) => setColor(e.target.value)}
            className="mt-1 h-10 w-20 rounded-md border border-slate-300"
          />
        </label>
        <label className="flex flex-col text-sm font-medium">
          {labels["fields.login"]}
          <select value={userId} onChange={(e) => setUserId(e.target.value)} className={input}>
            <option value="">{labels.noLogin}</option>
            {props.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
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
        <fieldset className="text-sm">
          <legend className="font-medium">{labels["fields.hours"]}</legend>
          <label className="mt-1 flex items-center gap-2">
            <input
              type="radio"
              name="hours"
              checked={!ownHours}
              onChange={() => setOwnHours(false)}
            />
            {labels.businessHours}
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
