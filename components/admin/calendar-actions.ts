import type { ActionResult } from "@/lib/access/action-caller";
import type { AppointmentDetails } from "@/lib/calendar/appointment-details";

/** A move or a booking outside the hours answers "outsideHours" first, for the owner to confirm. */
type Outcome = "outsideHours" | "done";

/**
 * The calendar's server actions (app/admin/calendar-actions.ts), handed down by the page that
 * shows the calendar: components are used by routes and import none.
 */
export interface CalendarActions {
  load(id: string): Promise<ActionResult<AppointmentDetails & { canRefund: boolean }>>;
  /** `reason`: why it is cancelled, for the customer's message and the log. */
  setStatus(id: string, status: string, reason?: string): Promise<ActionResult<void>>;
  refund(id: string): Promise<ActionResult<unknown>>;
  move(
    id: string,
    startsAt: string,
    anyTime: boolean,
    staffId?: string | null,
  ): Promise<ActionResult<Outcome>>;
  bookWalkIn(body: unknown, anyTime: boolean): Promise<ActionResult<Outcome>>;
}
