import type { CalendarActions } from "@/components/admin/calendar-actions";
import {
  bookWalkInAction,
  loadAppointmentAction,
  moveAppointmentAction,
  refundAction,
  setStatusAction,
} from "./calendar-actions";

/** The calendar's actions, as the calendar and the appointment panel take them. */
export const calendarActions: CalendarActions = {
  load: loadAppointmentAction,
  setStatus: setStatusAction,
  refund: refundAction,
  move: moveAppointmentAction,
  bookWalkIn: bookWalkInAction,
};
