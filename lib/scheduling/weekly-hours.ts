import type { WeeklyWindow } from "./opening-windows";

/**
 * What is wrong with a week of opening hours, by index into the list: an inverted or empty window
 * (which is how a window crossing local midnight shows), or one overlapping another that day.
 */
export type WeeklyHoursProblem = { kind: "endsBeforeStart" } | { kind: "overlaps"; other: number };

export function weeklyHoursProblems(
  windows: readonly (WeeklyWindow & { place?: string })[],
): Map<number, WeeklyHoursProblem> {
  const problems = new Map<number, WeeklyHoursProblem>();
  windows.forEach((w, i) => {
    if (w.endMinute <= w.startMinute) problems.set(i, { kind: "endsBeforeStart" });
  });
  const indexed = windows.map((w, i) => ({ ...w, i })).filter((w) => !problems.has(w.i));
  // Windows at different places may be in different zones: only those at one place compare.
  const key = (w: (typeof indexed)[number]) => `${w.place ?? ""} ${w.dayOfWeek}`;
  indexed.sort((a, b) => key(a).localeCompare(key(b)) || a.startMinute - b.startMinute);
  // Against the window reaching furthest so far that day, not just the previous one.
  let reach: (typeof indexed)[number] | undefined;
  for (const cur of indexed) {
    const sameDay = reach && key(reach) === key(cur);
    if (reach && sameDay && cur.startMinute < reach.endMinute) {
      problems.set(cur.i, { kind: "overlaps", other: reach.i });
    }
    if (!reach || !sameDay || cur.endMinute > reach.endMinute) reach = cur;
  }
  return problems;
}
