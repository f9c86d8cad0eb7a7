"use client";

import type {
  CalendarRef,
  EventDropInfo,
  EventInput,
  EventSourceFuncInfo,
} from "@fullcalendar/react";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useRef, useState } from "react";
import type { CalendarActions } from "./calendar-actions";
import { type CalendarEventJson, type CalendarFilter, toCalendarEvents } from "./calendar-feed";
import { type CalendarLabels, outcomeText } from "./calendar-text";

export interface CalendarNotice {
  kind: "error" | "ok";
  text: string;
  /** Puts back what was just done (a booking dragged by mistake). */
  undo?: () => void;
}

/**
 * The calendar's events: fetched per range from the calendar feed, narrowed by the filter and the
 * "show cancelled" box (kept in refs too, for the fetch FullCalendar calls), with the closed days
 * as background events. `refresh` fetches again, and re-renders the figures above the calendar.
 */
export function useCalendarFeed(
  props: {
    tenantSlug: string;
    labels: CalendarLabels;
    ownStaffId: string;
    canChange: boolean;
    closedDays: { date: string; reason: string | null }[];
  },
  team: boolean,
  onNotice: (notice: CalendarNotice) => void,
) {
  const { labels } = props;
  // A refresh of the page brings equal props in new objects: the sources must stay the same ones,
  // or the calendar drops its events and fetches twice, racing its own refetch.
  const labelsRef = useRef(labels);
  labelsRef.current = labels;
  const closedKey = JSON.stringify(props.closedDays);
  const calendar = useRef<CalendarRef>(null);
  const [showCancelled, setShowCancelledState] = useState(false);
  const showCancelledRef = useRef(showCancelled);
  // "" for everyone (everywhere, anything); with several people, each event takes its staff
  // member's colour.
  const [filter, setFilter] = useState<CalendarFilter>({
    staff: props.ownStaffId,
    location: "",
    resource: "",
  });
  const filterRef = useRef(filter);
  const [version, setVersion] = useState(0);
  const router = useRouter();

  const refresh = useCallback(() => {
    calendar.current?.getApi().refetchEvents();
    setVersion((v) => v + 1);
    router.refresh();
  }, [router]);

  /** The feed of a range as FullCalendar's events, as the filter narrows it. */
  const loadEvents = useCallback(
    async (info: EventSourceFuncInfo, only: CalendarFilter): Promise<EventInput[]> => {
      // The server render has no events to show (and no origin to fetch a relative URL from).
      if (typeof window === "undefined") return [];
      const query = new URLSearchParams({ startDate: info.startStr, endDate: info.endStr });
      const response = await fetch(`/api/appointments/calendar?${query}`, {
        headers: { "X-Tenant-Slug": props.tenantSlug },
      });
      if (!response.ok) {
        onNotice({ kind: "error", text: labelsRef.current.loadFailed ?? "" });
        return [];
      }
      const { events } = (await response.json()) as { events: CalendarEventJson[] };
      return toCalendarEvents(events, only, {
        showCancelled: showCancelledRef.current,
        labels: labelsRef.current,
        team,
        canChange: props.canChange,
      });
    },
    [props.canChange, props.tenantSlug, team, onNotice],
  );
  const fetchEvents = useCallback(
    (info: EventSourceFuncInfo) => loadEvents(info, filterRef.current),
    [loadEvents],
  );

  // Stable sources: a new array on every render would make the calendar fetch again, forever.
  const eventSources = useMemo(
    () => [
      { events: fetchEvents },
      {
        events: (JSON.parse(closedKey) as typeof props.closedDays).map((d) => ({
          start: d.date,
          allDay: true,
          display: "background",
          className: "rv-closed-day",
          title: d.reason ? `${labels.closed} · ${d.reason}` : labels.closed,
        })),
      },
    ],
    [fetchEvents, closedKey, labels.closed],
  );

  function changeFilter(change: Partial<CalendarFilter>) {
    filterRef.current = { ...filterRef.current, ...change };
    setFilter(filterRef.current);
    refresh();
  }

  function setShowCancelled(show: boolean) {
    showCancelledRef.current = show;
    setShowCancelledState(show);
    refresh();
  }

  /** Each team column's events: one person's, at the place and with the resource filtered. */
  const loadStaffEvents = useCallback(
    (info: EventSourceFuncInfo, staffId: string) =>
      loadEvents(info, { ...filterRef.current, staff: staffId }),
    [loadEvents],
  );

  return {
    calendar,
    filter,
    changeFilter,
    showCancelled,
    setShowCancelled,
    version,
    refresh,
    eventSources,
    loadStaffEvents,
  };
}

/**
 * Moving an appointment by dragging it: a move outside the hours waits for the owner's word
 * (`confirmMove`, then `move(info, true)` or `keepTime`), a refusal puts the event back.
 */
export function useMoveOnCalendar(
  props: { actions: CalendarActions; labels: CalendarLabels },
  onMoved: (notice: CalendarNotice) => void,
) {
  const [confirmMove, setConfirmMove] = useState<EventDropInfo | null>(null);
  async function move(info: EventDropInfo, anyTime: boolean) {
    const result = await props.actions.move(info.event.id, info.event.startStr, anyTime);
    if (result.ok && result.value === "outsideHours") {
      setConfirmMove(info);
      return;
    }
    setConfirmMove(null);
    const failure = outcomeText(result, props.labels);
    if (failure) info.revert();
    // Where it was: a drop by mistake is one click from undone (its old time was its own, so no
    // question about the hours).
    const back = info.oldEvent.startStr;
    const undo = async () => {
      const undone = await props.actions.move(info.event.id, back, true);
      const problem = outcomeText(undone, props.labels);
      onMoved(
        problem
          ? { kind: "error", text: problem }
          : { kind: "ok", text: props.labels.undone ?? "" },
      );
    };
    onMoved(
      failure
        ? { kind: "error", text: failure }
        : { kind: "ok", text: props.labels.moved ?? "", undo },
    );
  }
  function keepTime() {
    confirmMove?.revert();
    setConfirmMove(null);
  }
  return { move, confirmMove, keepTime };
}
