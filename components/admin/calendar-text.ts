import type { ActionResult } from "@/lib/access/action-caller";
import { failureText } from "@/lib/errors/failure-text";

// What the calendar and its side panels share, apart from the calendar itself (which imports the
// panels: keeping this here leaves no import circle).

export type CalendarLabels = Record<string, string>;

/** A staff member as the calendar shows them: a filter, a colour, a choice when booking. */
export interface CalendarStaff {
  id: string;
  name: string;
  color: string;
  activityIds: string[];
  /** The places they work at (their home one and any their windows name). */
  locationIds: string[];
}

/** The outcome of an action as the words to show, or null when it went through. */
export function outcomeText(result: ActionResult<unknown>, labels: CalendarLabels): string | null {
  if (result.ok) return null;
  // The one field a calendar action can get wrong without a form: who performs it.
  if (result.code === "VALIDATION_ERROR" && result.details?.staffId) {
    return failureText("staffId", labels);
  }
  return failureText(result.code, labels);
}
