"use client";

import FullCalendar, {
  type CalendarRef,
  type DateClickInfo,
  type EventClickInfo,
  type EventDisplayInfo,
  type EventDropInfo,
  type EventSourceInput,
} from "@fullcalendar/react";
import dayGridPlugin from "@fullcalendar/react/daygrid";
import interactionPlugin from "@fullcalendar/react/interaction";
import listPlugin from "@fullcalendar/react/list";
import frLocale from "@fullcalendar/react/locales/fr";
import classicTheme from "@fullcalendar/react/themes/classic";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";
import { type RefObject, useState, useSyncExternalStore } from "react";
import { dateTimeFormat } from "@/lib/i18n/intl-formats";

const PHONE = "(max-width: 639px)";

/** Whether the screen is phone-sized; false on the server and until the page is hydrated. */
export function usePhoneWidth() {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(PHONE);
      query.addEventListener("change", changed);
      return () => query.removeEventListener("change", changed);
    },
    () => window.matchMedia(PHONE).matches,
    () => false,
  );
}

/**
 * An appointment on the calendar: the client first (what a short block must show), then the time,
 * the service and the status, wrapped; the whole text is its tooltip.
 */
export function eventContent(info: EventDisplayInfo) {
  if (info.event.display === "background") return true;
  const { client, detail } = info.event.extendedProps as { client?: string; detail?: string };
  return (
    <div className="rv-event" title={`${info.timeText} ${info.event.title}`}>
      <span className="rv-event-client">{client}</span>{" "}
      <span className="rv-event-time">{info.timeText}</span> <span>{detail}</span>
    </div>
  );
}

/** "2026-11-24T10:00:00+01:00" → "2026-11-24T10:00", the wall clock of the calendar's zone. */
export const wallClock = (iso: string) => (iso.length >= 16 ? iso.slice(0, 16) : `${iso}T09:00`);

// FullCalendar's French leaves some screen-reader texts in English ("Timed", "Close", "Events").
const french = {
  ...frLocale,
  timedText: "Avec horaire",
  closeHint: "Fermer",
  eventsHint: "Rendez-vous",
};

const plugins = [classicTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const toolbar = {
  start: "prev,next today",
  center: "title",
  end: "timeGridWeek,timeGridDay,dayGridMonth,listWeek",
};
// A phone's width shows one readable day (or the list), not seven slivers.
const phoneToolbar = { start: "title", end: "prev,next today" };
const phoneFooter = { center: "timeGridDay,listWeek" };

export const calendarLocale = (locale: "fr" | "en") => (locale === "fr" ? french : "en");

const DAY_FROM = 6 * 60;
const DAY_TO = 22 * 60;
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00`;

/**
 * The hours the week view shows: 06:00 to 22:00, widened to whole hours around any event outside
 * them (a Montréal booking at 23:00 Paris time), so that nothing loaded is off the grid. Events come
 * as FullCalendar's strings, on the calendar's own clock ("2026-12-08T23:00:00+01:00").
 */
export function visibleHours(events: readonly { startStr: string; endStr: string }[]) {
  let from = DAY_FROM;
  let to = DAY_TO;
  const minuteOf = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
  for (const { startStr, endStr } of events) {
    if (startStr.length < 16 || endStr.length < 16) continue;
    const first = minuteOf(startStr);
    const last = minuteOf(endStr);
    // Ending on another day (at midnight or later): the rest of the day.
    const nextDay = endStr.slice(0, 10) !== startStr.slice(0, 10);
    from = Math.min(from, Math.floor(first / 60) * 60);
    to = Math.max(to, nextDay ? 1440 : Math.ceil(last / 60) * 60);
  }
  return { slotMinTime: clock(from), slotMaxTime: clock(to) };
}

/** The week (or day, month, list) calendar of the dashboard, from 06:00 to 22:00 or wider. */
export function WeekCalendar(props: {
  calendar: RefObject<CalendarRef | null>;
  timeZone: string;
  locale: "fr" | "en";
  phone: boolean;
  canChange: boolean;
  eventSources: EventSourceInput[];
  onLoading: (loading: boolean) => void;
  onDateClick: (info: DateClickInfo) => void;
  onEventClick: (info: EventClickInfo) => void;
  onEventDrop: (info: EventDropInfo) => void;
}) {
  const { phone } = props;
  const [hours, setHours] = useState({ slotMinTime: clock(DAY_FROM), slotMaxTime: clock(DAY_TO) });
  return (
    <FullCalendar
      ref={props.calendar}
      plugins={plugins}
      initialView="timeGridWeek"
      timeZone={props.timeZone}
      locale={calendarLocale(props.locale)}
      firstDay={1}
      headerToolbar={phone ? phoneToolbar : toolbar}
      footerToolbar={phone ? phoneFooter : false}
      titleFormat={phone ? { month: "short", day: "numeric" } : undefined}
      height="auto"
      slotMinTime={hours.slotMinTime}
      slotMaxTime={hours.slotMaxTime}
      eventsSet={(events) => {
        const next = visibleHours(events);
        setHours((now) =>
          now.slotMinTime === next.slotMinTime && now.slotMaxTime === next.slotMaxTime ? now : next,
        );
      }}
      allDaySlot={true}
      nowIndicator={true}
      // A short booking still shows its client and time in full.
      eventMinHeight={40}
      slotMinHeight={28}
      editable={props.canChange}
      eventDurationEditable={false}
      eventSources={props.eventSources}
      eventContent={eventContent}
      loading={props.onLoading}
      dateClick={props.onDateClick}
      eventClick={props.onEventClick}
      eventDrop={props.onEventDrop}
    />
  );
}

/** "Tuesday, November 24": the title of one day ("2026-11-24"). */
export const dayTitle = (locale: "fr" | "en", day: string) =>
  dateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(Date.parse(`${day}T12:00:00Z`));
