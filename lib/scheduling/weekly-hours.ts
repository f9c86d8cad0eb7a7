import type { WeeklyWindow } from "./opening-windows";

/**
 * What is wrong with a week of opening hours, by index into the list: an inverted or empty window
 * (which is how a window crossing local midnight shows), or one overlapping another that day.
 */
export function weeklyHoursProblems(windows: readonly WeeklyWindow[]): Map<number, string> {
  const problems = new Map<number, string>();
  windows.forEach((w, i) => {
    if (w.endMinute <= w.startMinute) {
      problems.set(
        i,
        "must end after it starts, on the same day (split a window that crosses midnight)",
      );
    }
  });
  const indexed = windows.map((w, i) => ({ ...w, i })).filter((w) => !problems.has(w.i));
  indexed.sort((a, b) => a.dayOfWeek - b.dayOfWeek || a.startMinute - b.startMinute);
  // Against the window reaching furthest so far that day, not just the previous one.
  let reach: (typeof indexed)[number] | undefined;
  for (const cur of indexed) {
    if (reach && reach.dayOfWeek === cur.dayOfWeek && cur.startMinute < reach.endMinute) {
      problems.set(cur.i, `overlaps another window of the same day (#${reach.i})`);
    }
    if (!reach || reach.dayOfWeek !== cur.dayOfWeek || cur.endMinute > reach.endMinute) reach = cur;
  }
  return problems;
}
