"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useLeaveWarning } from "@/components/ui/form-guards";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/access/action-caller";
import type { AvailabilityJson } from "@/lib/availability/availability";
import { type ClosedDay, sortClosedDays } from "@/lib/availability/closed-days";
import { failureText } from "@/lib/errors/failure-text";
import { isCalendarDay } from "@/lib/scheduling/calendar-day";
import { isClockTime, parseClockTime } from "@/lib/scheduling/clock-time";
import { weeklyHoursProblems } from "@/lib/scheduling/weekly-hours";
import { ClosedDaysEditor, DayHours, type Window, weekOrder } from "./availability-parts";

type Exception = ClosedDay;

interface Props {
  initial: AvailabilityJson;
  /** Weekday names by dayOfWeek (0 = Sunday), in the business's language. */
  dayNames: string[];
  labels: Record<string, string>;
  canManage: boolean;
  /**
   * Where the week and the closed days go: the page's server action, given the version they were
   * changed from (when the page gave one) and answering the new one.
   */
  save: (body: AvailabilityJson, basis?: string) => Promise<ActionResult<unknown>>;
  /** The version of the hours as loaded: a save over hours changed meanwhile is refused. */
  version?: string;
  /** Hides the week (a staff member working the business's hours): only closed days are edited. */
  weekHidden?: boolean;
  /** Whether something outside the editor (a staff member's name…) changed since it was saved. */
  otherChanges?: boolean;
  /** Fields shown before the week, saved with it by `save`. */
  children?: React.ReactNode;
  /** The places each window may be at (a staff member at a business with several), home first. */
  places?: { id: string; name: string }[];
}

/** The flat list the API takes, and where each entry sits in the editor. */
function toSlots(week: Window[][]) {
  const slots: { dayOfWeek: number; startTime: string; endTime: string; locationId?: string }[] =
    [];
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
      place: s.locationId,
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
  places,
  version,
}: Props) {
  // The version this tab's changes are based on: as loaded, then as last saved here.
  const [basis, setBasis] = useState(version);
  const router = useRouter();
  const [week, setWeek] = useState<Window[][]>(() =>
    [0, 1, 2, 3, 4, 5, 6].map((day) =>
      initial.weeklySlots
        .filter((s) => s.dayOfWeek === day)
        .map(({ startTime, endTime, locationId }) => ({
          startTime,
          endTime,
          ...(locationId && { locationId }),
        })),
    ),
  );
  const [exceptions, setExceptions] = useState<Exception[]>(() =>
    sortClosedDays(initial.exceptions.map((e) => ({ date: e.date, reason: e.reason ?? "" }))),
  );
  const [copyFrom, setCopyFrom] = useState<number | null>(null);
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

  const setDay = (day: number, windows: Window[]) =>
    setWeek((w) => w.map((current, d) => (d === day ? windows : current)));

  function save() {
    if (invalid) {
      setNotice({ kind: "error", text: labels.invalid ?? "" });
      return;
    }
    startTransition(async () => {
      const result = await send(body, basis);
      setNotice(
        result.ok
          ? { kind: "ok", text: labels.saved ?? "" }
          : {
              kind: "error",
              text: failureText(result.code, labels),
            },
      );
      if (result.ok) {
        if (typeof result.value === "string") setBasis(result.value);
        setSaved(JSON.stringify(body));
        setExceptions(sortClosedDays);
        router.refresh();
      }
    });
  }

  return (
    <div className="mt-4 space-y-6">
      {children}
      <fieldset disabled={!canManage || busy} hidden={weekHidden} className="space-y-2">
        <legend className="sr-only">{labels.title}</legend>
        {weekOrder.map((day) => (
          <DayHours
            key={day}
            day={day}
            windows={week[day] ?? []}
            dayNames={dayNames}
            labels={labels}
            canManage={canManage}
            problems={problems}
            onChange={(windows) => setDay(day, windows)}
            places={places}
            copyOpen={copyFrom === day}
            onToggleCopy={() => setCopyFrom(copyFrom === day ? null : day)}
            onCopy={(days) => {
              const source = week[day] ?? [];
              setWeek((w) =>
                w.map((current, d) => (days.includes(d) ? source.map((x) => ({ ...x })) : current)),
              );
              setCopyFrom(null);
            }}
          />
        ))}
      </fieldset>

      <ClosedDaysEditor
        exceptions={exceptions}
        onChange={setExceptions}
        badDate={badDate}
        labels={labels}
        disabled={!canManage || busy}
      />

      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {canManage && (
        <Button size="lg" onClick={save} disabled={busy}>
          {busy ? labels.saving : labels.save}
        </Button>
      )}
    </div>
  );
}
