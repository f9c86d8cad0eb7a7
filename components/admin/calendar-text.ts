import type { ActionResult } from "@/lib/auth/action-caller";

// What the calendar and its side panels share, apart from the calendar itself (which imports the
// panels: keeping this here leaves no import circle).

export type CalendarLabels = Record<string, string>;

/** A staff member as the calendar shows them: a filter, a colour, a choice when booking. */
export interface CalendarStaff {
  id: string;
  name: string;
  color: string;
  activityIds: string[];
}

/** The outcome of an action as the words to show, or null when it went through. */
export function failureText(result: ActionResult<unknown>, labels: CalendarLabels): string | null {
  if (result.ok) return null;
  if (result.code === "SLOT_UNAVAILABLE") return labels.notFree ?? "";
  if (result.code === "INVALID_TRANSITION") return labels.invalidTransition ?? "";
  if (result.code === "FORBIDDEN") return labels.forbidden ?? "";
  if (result.code === "VALIDATION_ERROR" && result.details?.staffId) {
    return labels.staffCannot ?? "";
  }
  return labels.failed ?? "";
}
