import type { EventInput } from "@fullcalendar/react";
import { holdsTime } from "@/lib/appointments/status";
import type { CalendarLabels } from "./calendar-text";

/** An event of the calendar feed (GET /api/appointments/calendar). */
export interface CalendarEventJson {
  id: string;
  title: string;
  start: string;
  end: string;
  color: string;
  type: "availability" | "appointment" | "class";
  status: string | null;
  extendedProps: {
    clientName: string | null;
    activityName: string | null;
    staffId: string | null;
    staffName: string | null;
    staffColor: string | null;
    locationId: string | null;
    resourceId: string | null;
    sessionId: string | null;
    /** Its time on the clock of its place, when that is not the business's ("17:00 Montréal"). */
    localTime: string | null;
  };
}

/** What the calendar shows: everyone's or one person's, at one place or all, with one resource or any. */
export interface CalendarFilter {
  staff: string;
  location: string;
  resource: string;
}

/**
 * The feed's events as FullCalendar shows them, narrowed by the filter: with everyone, the
 * business's hours and every appointment; with one person, their own hours and appointments; a
 * place or a resource keeps only what happens there (hours always show).
 */
export function toCalendarEvents(
  events: CalendarEventJson[],
  only: CalendarFilter,
  options: { showCancelled: boolean; labels: CalendarLabels; team: boolean; canChange: boolean },
): EventInput[] {
  const { labels, team } = options;
  const onlyStaff = only.staff;
  return (
    events
      .filter((e) => options.showCancelled || e.status !== "cancelled")
      // Everyone: the business's hours; one person: their own hours and appointments.
      .filter(
        (e) =>
          e.extendedProps.staffId === (onlyStaff || null) ||
          (!onlyStaff && e.type !== "availability"),
      )
      .filter(
        (e) =>
          e.type === "availability" ||
          ((!only.location || e.extendedProps.locationId === only.location) &&
            (!only.resource || e.extendedProps.resourceId === only.resource)),
      )
      .map((e) =>
        e.type === "availability"
          ? {
              start: e.start,
              end: e.end,
              display: "background",
              color: "#86efac",
              className: "rv-open-hours",
            }
          : {
              id: e.id,
              title:
                e.status === "confirmed" ? e.title : `${e.title} · ${labels[`status.${e.status}`]}`,
              extendedProps: {
                client: e.extendedProps.clientName,
                detail: [
                  e.extendedProps.localTime && `(${e.extendedProps.localTime})`,
                  e.extendedProps.activityName,
                  team ? e.extendedProps.staffName : null,
                  e.status === "confirmed" ? null : labels[`status.${e.status}`],
                ]
                  .filter(Boolean)
                  .join(" · "),
              },
              start: e.start,
              end: e.end,
              color: (team && e.extendedProps.staffColor) || e.color,
              className: e.type === "class" ? "rv-class" : `rv-status-${e.status}`,
              // A class session moves with its service page, not by dragging.
              editable: e.type === "appointment" && options.canChange && holdsTime(e.status ?? ""),
            },
      )
  );
}
