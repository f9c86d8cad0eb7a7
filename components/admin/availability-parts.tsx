"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import {
  addClosedRange,
  type ClosedDay,
  type ClosedRangeProblem,
} from "@/lib/availability/closed-days";

/** A window of a week; a staff member's may say at which place (left out: their home one). */
export type Window = { startTime: string; endTime: string; locationId?: string };

// Monday first, as the week is shown; dayOfWeek stays the contract's 0 = Sunday.
export const weekOrder = [1, 2, 3, 4, 5, 6, 0];

interface DayProps {
  day: number;
  windows: Window[];
  dayNames: string[];
  labels: Record<string, string>;
  canManage: boolean;
  /** The windows with a problem, by "day:index". */
  problems: Set<string>;
  onChange: (windows: Window[]) => void;
  /** Whether this day's "copy to" is open (one day's at a time). */
  copyOpen: boolean;
  onToggleCopy: () => void;
  onCopy: (days: number[]) => void;
  /** The places a window may be at (a staff member's week at a business with several). */
  places?: { id: string; name: string }[];
}

/** One day of the week: its opening windows, adding one, copying the day to others. */
export function DayHours(props: DayProps) {
  const { day, windows, dayNames, labels } = props;
  const [copyTargets, setCopyTargets] = useState<number[]>([]);
  const set = (i: number, change: Partial<Window>) =>
    props.onChange(windows.map((w, j) => (j === i ? { ...w, ...change } : w)));
  const places = props.places ?? [];
  const timeInput = (i: number, key: "startTime" | "endTime", label: string) => (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">
        {dayNames[day]} {i + 1} – {label}
      </span>
      <Input
        compact
        type="time"
        step={300}
        value={windows[i]?.[key] ?? ""}
        disabled={!props.canManage}
        aria-invalid={props.problems.has(`${day}:${i}`) ? true : undefined}
        aria-label={`${dayNames[day]} ${i + 1} – ${label}`}
        onChange={(e) => set(i, { [key]: e.target.value })}
      />
    </label>
  );
  return (
    <div
      className="flex flex-wrap items-start gap-3 rounded-lg border border-slate-200 bg-white p-3"
      data-testid={`day-${day}`}
    >
      <h2 className="w-28 shrink-0 pt-1 font-medium">{dayNames[day]}</h2>
      <div className="flex-1 space-y-2">
        {windows.length === 0 && <p className="pt-1 text-sm text-slate-500">{labels.closedDay}</p>}
        {windows.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: windows have no identity but their place
          <div key={i}>
            <div className="flex flex-wrap items-center gap-2">
              {timeInput(i, "startTime", labels.from ?? "")}
              <span aria-hidden="true">–</span>
              {timeInput(i, "endTime", labels.to ?? "")}
              {places.length > 1 && (
                <Select
                  compact
                  value={windows[i]?.locationId ?? places[0]?.id}
                  disabled={!props.canManage}
                  aria-label={`${dayNames[day]} ${i + 1} – ${labels.place}`}
                  onChange={(e) => set(i, { locationId: e.target.value })}
                  className="text-sm"
                >
                  {places.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              )}
              <Button
                variant="quiet"
                size="sm"
                onClick={() => props.onChange(windows.filter((__, j) => j !== i))}
                aria-label={`${labels.remove} ${dayNames[day]} ${i + 1}`}
              >
                {labels.remove}
              </Button>
            </div>
            {props.problems.has(`${day}:${i}`) && (
              <p className="mt-1 text-sm text-red-700">{labels.overlap}</p>
            )}
          </div>
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            const start = windows.at(-1)?.endTime ?? "09:00";
            props.onChange([
              ...windows,
              {
                startTime: start,
                endTime: start < "18:00" ? "18:00" : "23:00",
                // At the place of the window before, else the first (their home location).
                ...(places.length > 1 && {
                  locationId: windows.at(-1)?.locationId ?? places[0]?.id,
                }),
              },
            ]);
          }}
          aria-label={`${labels.addWindow} – ${dayNames[day]}`}
        >
          {labels.addWindow}
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            props.onToggleCopy();
            setCopyTargets([]);
          }}
          aria-expanded={props.copyOpen}
          aria-label={`${labels.copyTo} (${dayNames[day]})`}
        >
          {labels.copyTo}
        </Button>
      </div>
      {props.copyOpen && (
        <div className="flex w-full flex-wrap items-center gap-3 rounded-md bg-slate-50 p-2 text-sm">
          {weekOrder
            .filter((d) => d !== day)
            .map((d) => (
              <label key={d} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={copyTargets.includes(d)}
                  onChange={(e) =>
                    setCopyTargets((t) => (e.target.checked ? [...t, d] : t.filter((x) => x !== d)))
                  }
                />
                {dayNames[d]}
              </label>
            ))}
          <Button size="sm" onClick={() => props.onCopy(copyTargets)}>
            {labels.copy}
          </Button>
        </div>
      )}
    </div>
  );
}

/** The closed days: each one editable in place, and a range of days added at once. */
export function ClosedDaysEditor(props: {
  exceptions: ClosedDay[];
  onChange: (exceptions: ClosedDay[]) => void;
  /** Whether the i-th day is not a date, or twice in the list. */
  badDate: (e: ClosedDay, i: number) => boolean;
  labels: Record<string, string>;
  disabled: boolean;
}) {
  const { exceptions, labels, onChange } = props;
  const [range, setRange] = useState({ from: "", to: "", reason: "" });
  const [rangeProblem, setRangeProblem] = useState<ClosedRangeProblem | null>(null);
  const set = (i: number, change: Partial<ClosedDay>) =>
    onChange(exceptions.map((x, j) => (j === i ? { ...x, ...change } : x)));

  function addRange() {
    const result = addClosedRange(exceptions, range);
    if ("problem" in result) {
      setRangeProblem(result.problem);
      return;
    }
    setRangeProblem(null);
    onChange(result.days);
    setRange({ from: "", to: "", reason: "" });
  }

  return (
    <fieldset disabled={props.disabled} className="rounded-lg border border-slate-200 bg-white p-3">
      <legend className="px-1 font-medium">{labels.exceptions}</legend>
      <p className="text-sm text-slate-600">{labels.exceptionsIntro}</p>
      {exceptions.length === 0 && (
        <p className="mt-2 text-sm text-slate-500">{labels.noExceptions}</p>
      )}
      <ul className="mt-2 space-y-2">
        {exceptions.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
          <li key={i} className="flex flex-wrap items-center gap-2">
            <Input
              compact
              type="date"
              aria-label={`${labels.date} ${i + 1}`}
              value={e.date}
              aria-invalid={props.badDate(e, i) ? true : undefined}
              onChange={(ev) => set(i, { date: ev.target.value })}
              className="text-sm"
            />
            <Input
              compact
              type="text"
              aria-label={`${labels.reason} ${i + 1}`}
              placeholder={labels.reason}
              value={e.reason}
              maxLength={200}
              onChange={(ev) => set(i, { reason: ev.target.value })}
              className="min-w-0 flex-1 text-sm"
            />
            <Button
              variant="quiet"
              size="sm"
              onClick={() => onChange(exceptions.filter((_, j) => j !== i))}
            >
              {labels.remove}
            </Button>
            {props.badDate(e, i) && (
              <p className="w-full text-sm text-red-700">{labels.invalidDate}</p>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap items-end gap-2 rounded-md bg-slate-50 p-2">
        {(
          [
            ["from", labels.rangeFrom, "date"],
            ["to", labels.rangeTo, "date"],
            ["reason", labels.reason, "text"],
          ] as const
        ).map(([key, label, type]) => (
          <label key={key} className="flex flex-col text-sm">
            {label}
            <Input
              compact
              type={type}
              value={range[key]}
              maxLength={200}
              aria-invalid={rangeProblem && key !== "reason" ? true : undefined}
              aria-describedby={rangeProblem ? "range-problem" : undefined}
              onChange={(ev) => setRange((r) => ({ ...r, [key]: ev.target.value }))}
              className="mt-1 bg-white"
            />
          </label>
        ))}
        <Button variant="secondary" size="sm" onClick={addRange}>
          {labels.addException}
        </Button>
        {rangeProblem && (
          <p id="range-problem" role="alert" className="w-full text-sm text-red-700">
            {labels[`range.${rangeProblem}`]}
          </p>
        )}
      </div>
    </fieldset>
  );
}
