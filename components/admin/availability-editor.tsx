"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useLeaveWarning } from "@/components/ui/form-guards";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/auth/action-caller";
import type { AvailabilityJson } from "@/lib/availability/availability";
import {
  addClosedRange,
  type ClosedDay,
  type ClosedRangeProblem,
  sortClosedDays,
} from "@/lib/availability/closed-days";
import { failureText } from "@/lib/errors/failure-text";
import { isCalendarDay } from "@/lib/scheduling/calendar-day";
import { isClockTime, parseClockTime } from "@/lib/scheduling/clock-time";
import { weeklyHoursProblems } from "@/lib/scheduling/weekly-hours";

type Window = { startTime: string; endTime: string };
type Exception = ClosedDay;

// Monday first, as the week is shown; dayOfWeek stays the contract's 0 = Sunday.
const weekOrder = [1, 2, 3, 4, 5, 6, 0];

interface Props {
  initial: AvailabilityJson;
  /** Weekday names by dayOfWeek (0 = Sunday), in the business's language. */
  dayNames: string[];
  labels: Record<string, string>;
  canManage: boolean;
  /** Where the week and the closed days go: the page's server action. */
  save: (body: AvailabilityJson) => Promise<ActionResult<unknown>>;
  /** Hides the week (a staff member working the business's hours): only closed days are edited. */
  weekHidden?: boolean;
  /** Whether something outside the editor (a staff member's name…) changed since it was saved. */
  otherChanges?: boolean;
  /** Fields shown before the week, saved with it by `save`. */
  children?: React.ReactNode;
}

/** The flat list the API takes, and where each entry sits in the editor. */
function toSlots(week: Window[][]) {
  const slots: { dayOfWeek: number; startTime: string; endTime: string }[] = [];
  const where: [number, number][] = [];
  week.forEach((windows, day) => {
    windows.forEach((w, i) => {
      slots.push({ dayOfWeek: day, ...w });
      where.push([day, i]);
    });
  });
  return { slots, where };
}

/** Problems of the week as typed, by "day:index", before anything is sent. */
function problemsOf(week: Window[][]): Set<string> {
  const { slots, where } = toSlots(week);
  const bad = new Set<string>();
  const windows = slots.map((s, i) => {
    if (!isClockTime(s.startTime) || !isClockTime(s.endTime)) {
      bad.add(where[i]?.join(":") ?? "");
      return { dayOfWeek: -1 - i, startMinute: 0, endMinute: 1 };
    }
    return {
      dayOfWeek: s.dayOfWeek,
      startMinute: parseClockTime(s.startTime),
      endMinute: parseClockTime(s.endTime),
    };
  });
  for (const i of weeklyHoursProblems(windows).keys()) bad.add(where[i]?.join(":") ?? "");
  return bad;
}

export function AvailabilityEditor({
  initial,
  dayNames,
  labels,
  canManage,
  save: send,
  weekHidden = false,
  otherChanges = false,
  children,
}: Props) {
  const router = useRouter();
  const [week, setWeek] = useState<Window[][]>(() =>
    [0, 1, 2, 3, 4, 5, 6].map((day) =>
      initial.weeklySlots
        .filter((s) => s.dayOfWeek === day)
        .map(({ startTime, endTime }) => ({ startTime, endTime })),
    ),
  );
  const [exceptions, setExceptions] = useState<Exception[]>(() =>
    sortClosedDays(initial.exceptions.map((e) => ({ date: e.date, reason: e.reason ?? "" }))),
  );
  const [range, setRange] = useState({ from: "", to: "", reason: "" });
  const [rangeProblem, setRangeProblem] = useState<ClosedRangeProblem | null>(null);
  const [copyFrom, setCopyFrom] = useState<number | null>(null);
  const [copyTargets, setCopyTargets] = useState<number[]>([]);
  const [notice, setNotice] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [busy, startTransition] = useTransition();

  const problems = problemsOf(week);
  const dates = exceptions.map((e) => e.date);
  const badDate = (e: Exception, i: number) =>
    !isCalendarDay(e.date) || dates.indexOf(e.date) !== i;
  const invalid = (!weekHidden && problems.size > 0) || exceptions.some(badDate);

  const body = {
    weeklySlots: toSlots(week).slots,
    exceptions: exceptions.map((e) => ({ date: e.date, reason: e.reason })),
  };
  // What was last saved (or loaded), to tell unsaved changes from none.
  const [saved, setSaved] = useState(() => JSON.stringify(body));
  useLeaveWarning(
    () => otherChanges || JSON.stringify(body) !== saved,
    labels.unsavedQuestion ?? "",
  );

  function addRange() {
    const result = addClosedRange(exceptions, range);
    if ("problem" in result) {
      setRangeProblem(result.problem);
      return;
    }
    setRangeProblem(null);
    setExceptions(result.days);
    setRange({ from: "", to: "", reason: "" });
  }

  const setDay = (day: number, windows: Window[]) =>
    setWeek((w) => w.map((current, d) => (d === day ? windows : current)));

  function save() {
    if (invalid) {
      setNotice({ kind: "error", text: labels.invalid ?? "" });
      return;
    }
    startTransition(async () => {
      const result = await send(body);
      setNotice(
        result.ok
          ? { kind: "ok", text: labels.saved ?? "" }
          : {
              kind: "error",
              text: failureText(result.code, labels),
            },
      );
      if (result.ok) {
        setSaved(JSON.stringify(body));
        setExceptions(sortClosedDays);
        router.refresh();
      }
    });
  }

  const timeInput = (day: number, i: number, key: keyof Window, label: string) => (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">
        {dayNames[day]} {i + 1} – {label}
      </span>
      <input
        type="time"
        step={300}
        value={week[day]?.[i]?.[key] ?? ""}
        disabled={!canManage}
        aria-invalid={problems.has(`${day}:${i}`) ? true : undefined}
        aria-label={`${dayNames[day]} ${i + 1} – ${label}`}
        onChange={(e) =>
          setDay(
            day,
            (week[day] ?? []).map((w, j) => (j === i ? { ...w, [key]: e.target.value } : w)),
          )
        }
        className="rounded-md border border-slate-300 px-2 py-1 aria-[invalid=true]:border-red-600"
      />
    </label>
  );

  return (
    <div className="mt-4 space-y-6">
      {children}
      <fieldset disabled={!canManage || busy} hidden={weekHidden} className="space-y-2">
        <legend className="sr-only">{labels.title}</legend>
        {weekOrder.map((day) => (
          <div
            key={day}
            className="flex flex-wrap items-start gap-3 rounded-lg border border-slate-200 bg-white p-3"
            data-testid={`day-${day}`}
          >
            <h2 className="w-28 shrink-0 pt-1 font-medium">{dayNames[day]}</h2>
            <div className="flex-1 space-y-2">
              {(week[day] ?? []).length === 0 && (
                <p className="pt-1 text-sm text-slate-500">{labels.closedDay}</p>
              )}
              {(week[day] ?? []).map((_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: windows have no identity but their place
                <div key={i}>
                  <div className="flex flex-wrap items-center gap-2">
                    {timeInput(day, i, "startTime", labels.from ?? "")}
                    <span aria-hidden="true">–</span>
                    {timeInput(day, i, "endTime", labels.to ?? "")}
                    <button
                      type="button"
                      onClick={() =>
                        setDay(
                          day,
                          (week[day] ?? []).filter((__, j) => j !== i),
                        )
                      }
                      className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
                      aria-label={`${labels.remove} ${dayNames[day]} ${i + 1}`}
                    >
                      {labels.remove}
                    </button>
                  </div>
                  {problems.has(`${day}:${i}`) && (
                    <p className="mt-1 text-sm text-red-700">{labels.overlap}</p>
                  )}
                </div>
              ))}
            </div>
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                onClick={() => {
                  const last = week[day]?.at(-1);
                  const start = last ? last.endTime : "09:00";
                  setDay(day, [
                    ...(week[day] ?? []),
                    { startTime: start, endTime: start < "18:00" ? "18:00" : "23:00" },
                  ]);
                }}
                className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50"
                aria-label={`${labels.addWindow} – ${dayNames[day]}`}
              >
                {labels.addWindow}
              </button>
              <button
                type="button"
                onClick={() => {
                  setCopyFrom(copyFrom === day ? null : day);
                  setCopyTargets([]);
                }}
                className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50"
                aria-expanded={copyFrom === day}
                aria-label={`${labels.copyTo} (${dayNames[day]})`}
              >
                {labels.copyTo}
              </button>
            </div>
            {copyFrom === day && (
              <div className="flex w-full flex-wrap items-center gap-3 rounded-md bg-slate-50 p-2 text-sm">
                {weekOrder
                  .filter((d) => d !== day)
                  .map((d) => (
                    <label key={d} className="flex items-center gap-1">
                      <input
                        type="checkbox"
                        checked={copyTargets.includes(d)}
                        onChange={(e) =>
                          setCopyTargets((t) =>
                            e.target.checked ? [...t, d] : t.filter((x) => x !== d),
                          )
                        }
                      />
                      {dayNames[d]}
                    </label>
                  ))}
                <button
                  type="button"
                  onClick={() => {
                    const source = week[day] ?? [];
                    setWeek((w) =>
                      w.map((current, d) =>
                        copyTargets.includes(d) ? source.map((x) => ({ ...x })) : current,
                      ),
                    );
                    setCopyFrom(null);
                  }}
                  className="rounded-md bg-slate-900 px-2 py-1 font-medium text-white"
                >
                  {labels.copy}
                </button>
              </div>
            )}
          </div>
        ))}
      </fieldset>

      <fieldset
        disabled={!canManage || busy}
        className="rounded-lg border border-slate-200 bg-white p-3"
      >
        <legend className="px-1 font-medium">{labels.exceptions}</legend>
        <p className="text-sm text-slate-600">{labels.exceptionsIntro}</p>
        {exceptions.length === 0 && (
          <p className="mt-2 text-sm text-slate-500">{labels.noExceptions}</p>
        )}
        <ul className="mt-2 space-y-2">
          {exceptions.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <li key={i} className="flex flex-wrap items-center gap-2">
              <input
                type="date"
                aria-label={`${labels.date} ${i + 1}`}
                value={e.date}
                aria-invalid={badDate(e, i) ? true : undefined}
                onChange={(ev) =>
                  setExceptions((all) =>
                    all.map((x, j) => (j === i ? { ...x, date: ev.target.value } : x)),
                  )
                }
                className="rounded-md border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-600"
              />
              <input
                type="text"
                aria-label={`${labels.reason} ${i + 1}`}
                placeholder={labels.reason}
                value={e.reason}
                maxLength={200}
                onChange={(ev) =>
                  setExceptions((all) =>
                    all.map((x, j) => (j === i ? { ...x, reason: ev.target.value } : x)),
                  )
                }
                className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
              />
              <button
                type="button"
                onClick={() => setExceptions((all) => all.filter((_, j) => j !== i))}
                className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
              >
                {labels.remove}
              </button>
              {badDate(e, i) && <p className="w-full text-sm text-red-700">{labels.invalidDate}</p>}
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
              <input
                type={type}
                value={range[key]}
                maxLength={200}
                aria-invalid={rangeProblem && key !== "reason" ? true : undefined}
                aria-describedby={rangeProblem ? "range-problem" : undefined}
                onChange={(ev) => setRange((r) => ({ ...r, [key]: ev.target.value }))}
                className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1 aria-[invalid=true]:border-red-600"
              />
            </label>
          ))}
          <button
            type="button"
            onClick={addRange}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100"
          >
            {labels.addException}
          </button>
          {rangeProblem && (
            <p id="range-problem" role="alert" className="w-full text-sm text-red-700">
              {labels[`range.${rangeProblem}`]}
            </p>
          )}
        </div>
      </fieldset>

      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {canManage && (
        <button
          type="button"
          onClick={save}
          disabled={busy}
          className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
        >
          {busy ? labels.saving : labels.save}
        </button>
      )}
    </div>
  );
}
