"use client";

import FullCalendar, {
  type CalendarRef,
  type DateClickInfo,
  type EventClickInfo,
  type EventDisplayInfo,
  type EventDropInfo,
  type EventInput,
  type EventSourceFuncInfo,
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
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Notice } from "@/components/ui/notice";
import { holdsTime } from "@/lib/appointments/status";
import { dateTimeFormat } from "@/lib/i18n/intl-formats";
import { AppointmentPanel } from "./appointment-panel";
import type { CalendarActions } from "./calendar-actions";
import { type CalendarLabels, type CalendarStaff, outcomeText } from "./calendar-text";
import { TeamDay } from "./team-day";
import { type CalendarActivity, WalkInForm } from "./walk-in-form";

interface CalendarEventJson {
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
  };
}

/** What the calendar shows: everyone's or one person's, at one place or all, with one resource or any. */
interface CalendarFilter {
  staff: string;
  location: string;
  resource: string;
}

export interface AdminCalendarProps {
  /** The business, named on the calendar's API calls however the page itself chose it. */
  tenantSlug: string;
  timeZone: string;
  locale: "fr" | "en";
  activities: CalendarActivity[];
  /** The staff members, in the business's order. */
  staff: CalendarStaff[];
  /** The signed-in user's own staff member, the filter's first value ("" for everyone). */
  ownStaffId: string;
  /** The business's locations (a filter when several) and resources (a filter when any). */
  locations: { id: string; name: string }[];
  resources: { id: string; name: string }[];
  closedDays: { date: string; reason: string | null }[];
  /** Whether the signed-in user may change appointments (every role may; kept explicit). */
  canChange: boolean;
  actions: CalendarActions;
  /** The first free start ("2026-11-24T10:00"), what "New appointment" proposes; "" for none. */
  nextFree: string;
  labels: CalendarLabels;
}

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
const PHONE = "(max-width: 639px)";

/** Whether the screen is phone-sized; false on the server and until the page is hydrated. */
function usePhoneWidth() {
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
function eventContent(info: EventDisplayInfo) {
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
const wallClock = (iso: string) => (iso.length >= 16 ? iso.slice(0, 16) : `${iso}T09:00`);

export function AdminCalendar(props: AdminCalendarProps) {
  const { labels } = props;
  const calendar = useRef<CalendarRef>(null);
  const [showCancelled, setShowCancelled] = useState(false);
  const showCancelledRef = useRef(showCancelled);
  // "" for everyone (everywhere, anything); with several people, each event takes its staff
  // member's colour.
  const [filter, setFilter] = useState<CalendarFilter>({
    staff: props.ownStaffId,
    location: "",
    resource: "",
  });
  const filterRef = useRef(filter);
  const staffFilter = filter.staff;
  const team = props.staff.length > 1;
  // With several people: one day, a column each (null: the usual calendar).
  const [teamDay, setTeamDay] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [walkInStaff, setWalkInStaff] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const [walkInAt, setWalkInAt] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [confirmMove, setConfirmMove] = useState<EventDropInfo | null>(null);
  const [loading, setLoading] = useState(false);

  const phone = usePhoneWidth();
  useEffect(() => {
    const api = calendar.current?.getApi();
    if (phone && api?.view.type !== "timeGridDay" && api?.view.type !== "listWeek") {
      api?.changeView("timeGridDay");
    }
  }, [phone]);

  const router = useRouter();
  // The calendar's events, and the server-rendered figures above it.
  const refresh = useCallback(() => {
    calendar.current?.getApi().refetchEvents();
    setVersion((v) => v + 1);
    router.refresh();
  }, [router]);

  /** The feed of a range as FullCalendar's events, as the filter narrows it. */
  const loadEvents = useCallback(
    async (info: EventSourceFuncInfo, only: CalendarFilter): Promise<EventInput[]> => {
      const onlyStaff = only.staff;
      // The server render has no events to show (and no origin to fetch a relative URL from).
      if (typeof window === "undefined") return [];
      const query = new URLSearchParams({ startDate: info.startStr, endDate: info.endStr });
      const response = await fetch(`/api/appointments/calendar?${query}`, {
        headers: { "X-Tenant-Slug": props.tenantSlug },
      });
      if (!response.ok) {
        setNotice({ kind: "error", text: labels.loadFailed ?? "" });
        return [];
      }
      const { events } = (await response.json()) as { events: CalendarEventJson[] };
      return (
        events
          .filter((e) => showCancelledRef.current || e.status !== "cancelled")
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
                    e.status === "confirmed"
                      ? e.title
                      : `${e.title} · ${labels[`status.${e.status}`]}`,
                  extendedProps: {
                    client: e.extendedProps.clientName,
                    detail: [
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
                  editable:
                    e.type === "appointment" && props.canChange && holdsTime(e.status ?? ""),
                },
          )
      );
    },
    [labels, props.canChange, props.tenantSlug, team],
  );
  const fetchEvents = useCallback(
    (info: EventSourceFuncInfo) => loadEvents(info, filterRef.current),
    [loadEvents],
  );
  const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: props.timeZone });

  // Stable sources: a new array on every render would make the calendar fetch again, forever.
  const eventSources = useMemo(
    () => [
      { events: fetchEvents },
      {
        events: props.closedDays.map((d) => ({
          start: d.date,
          allDay: true,
          display: "background",
          className: "rv-closed-day",
          title: d.reason ? `${labels.closed} · ${d.reason}` : labels.closed,
        })),
      },
    ],
    [fetchEvents, props.closedDays, labels.closed],
  );

  async function move(info: EventDropInfo, anyTime: boolean) {
    const start = info.event.startStr;
    const result = await props.actions.move(info.event.id, start, anyTime);
    if (result.ok && result.value === "outsideHours") {
      setConfirmMove(info);
      return;
    }
    setConfirmMove(null);
    const failure = outcomeText(result, labels);
    if (failure) info.revert();
    setNotice(
      failure ? { kind: "error", text: failure } : { kind: "ok", text: labels.moved ?? "" },
    );
    refresh();
  }

  function changeFilter(change: Partial<CalendarFilter>) {
    filterRef.current = { ...filterRef.current, ...change };
    setFilter(filterRef.current);
    refresh();
  }

  function onDateClick(info: DateClickInfo, staffId = "") {
    if (!props.canChange) return;
    setSelected(null);
    setWalkInStaff(staffId);
    setWalkInAt(wallClock(info.dateStr));
  }

  function onEventClick(info: EventClickInfo) {
    info.jsEvent.preventDefault();
    if (!info.event.id) return;
    // A class session opens its attendee list.
    if (info.event.id.startsWith("class-")) {
      router.push(`/admin/classes/${info.event.id.slice("class-".length)}`);
      return;
    }
    setWalkInAt(null);
    setSelected(info.event.id);
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div>
        <div className="mb-3 flex flex-wrap items-center gap-3">
          {props.canChange && (
            <button
              type="button"
              className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
              onClick={() => {
                setSelected(null);
                setWalkInAt(props.nextFree);
              }}
            >
              {labels.newAppointment}
            </button>
          )}
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={showCancelled}
              onChange={(e) => {
                showCancelledRef.current = e.target.checked;
                setShowCancelled(e.target.checked);
                refresh();
              }}
            />
            {labels.showCancelled}
          </label>
          {team && (
            <button
              type="button"
              aria-pressed={teamDay !== null}
              onClick={() => setTeamDay(teamDay === null ? today() : null)}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 aria-pressed:bg-slate-900 aria-pressed:text-white"
            >
              {labels.sideBySide}
            </button>
          )}
          {team && teamDay === null && (
            <div className="flex items-center gap-2 text-sm">
              <label htmlFor="staff-filter">{labels.staffFilter}</label>
              <select
                id="staff-filter"
                value={staffFilter}
                onChange={(e) => changeFilter({ staff: e.target.value })}
                className="rounded-md border border-slate-300 px-2 py-1"
              >
                <option value="">{labels.everyone}</option>
                {props.staff.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {props.locations.length > 1 && (
            <div className="flex items-center gap-2 text-sm">
              <label htmlFor="location-filter">{labels.locationFilter}</label>
              <select
                id="location-filter"
                value={filter.location}
                onChange={(e) => changeFilter({ location: e.target.value })}
                className="rounded-md border border-slate-300 px-2 py-1"
              >
                <option value="">{labels.everywhere}</option>
                {props.locations.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {props.resources.length > 0 && (
            <div className="flex items-center gap-2 text-sm">
              <label htmlFor="resource-filter">{labels.resourceFilter}</label>
              <select
                id="resource-filter"
                value={filter.resource}
                onChange={(e) => changeFilter({ resource: e.target.value })}
                className="rounded-md border border-slate-300 px-2 py-1"
              >
                <option value="">{labels.anyResource}</option>
                {props.resources.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <span className="text-sm text-slate-600">{labels.zoneLine}</span>
          {loading && (
            <span role="status" className="text-sm text-slate-500">
              {labels.loading}
            </span>
          )}
        </div>
        {team && (
          <ul aria-label={labels.staffLegend} className="mb-3 flex flex-wrap gap-3 text-xs">
            {props.staff.map((s) => (
              <li key={s.id} className="flex items-center gap-1">
                <span
                  aria-hidden="true"
                  className="size-3 rounded-sm"
                  style={{ backgroundColor: s.color }}
                />
                {s.name}
              </li>
            ))}
          </ul>
        )}
        {notice && (
          <Notice kind={notice.kind} className="mb-3">
            {notice.text}
          </Notice>
        )}
        {confirmMove && (
          <ConfirmDialog
            id="confirm-move"
            tone="warning"
            className="mb-3"
            question={labels.outsideHoursMove ?? ""}
            confirmLabel={labels.moveAnyway ?? ""}
            onConfirm={() => move(confirmMove, true)}
            cancel={{
              label: labels.keepTime ?? "",
              onCancel: () => {
                confirmMove.revert();
                setConfirmMove(null);
              },
            }}
          />
        )}
        {teamDay !== null && (
          <TeamDay
            day={teamDay}
            today={today()}
            onDayChange={setTeamDay}
            title={dateTimeFormat(props.locale, {
              weekday: "long",
              day: "numeric",
              month: "long",
              timeZone: "UTC",
            }).format(Date.parse(`${teamDay}T12:00:00Z`))}
            staff={props.staff}
            timeZone={props.timeZone}
            locale={props.locale === "fr" ? french : "en"}
            labels={labels}
            canChange={props.canChange}
            version={version}
            // Each column is one person's, at the place and with the resource the filter chose.
            load={(info, staffId) => loadEvents(info, { ...filterRef.current, staff: staffId })}
            eventContent={eventContent}
            onDateClick={onDateClick}
            onEventClick={onEventClick}
            onEventDrop={(info) => move(info, false)}
          />
        )}
        <div
          hidden={teamDay !== null}
          className="rv-calendar rounded-lg border border-slate-200 bg-white p-2"
        >
          <FullCalendar
            ref={calendar}
            plugins={plugins}
            initialView="timeGridWeek"
            timeZone={props.timeZone}
            locale={props.locale === "fr" ? french : "en"}
            firstDay={1}
            headerToolbar={phone ? phoneToolbar : toolbar}
            footerToolbar={phone ? phoneFooter : false}
            titleFormat={phone ? { month: "short", day: "numeric" } : undefined}
            height="auto"
            slotMinTime="06:00:00"
            slotMaxTime="22:00:00"
            allDaySlot={true}
            nowIndicator={true}
            editable={props.canChange}
            eventDurationEditable={false}
            eventSources={eventSources}
            eventContent={eventContent}
            loading={setLoading}
            dateClick={onDateClick}
            eventClick={onEventClick}
            eventDrop={(info) => move(info, false)}
          />
        </div>
      </div>
      <div>
        {selected && (
          <AppointmentPanel
            key={selected}
            id={selected}
            labels={labels}
            staff={props.staff}
            canChange={props.canChange}
            actions={props.actions}
            onChanged={(text) => {
              setNotice({ kind: "ok", text });
              refresh();
            }}
            onClose={() => setSelected(null)}
          />
        )}
        {walkInAt !== null && (
          <WalkInForm
            key={`${walkInAt}-${walkInStaff}`}
            at={walkInAt}
            activities={props.activities}
            staff={props.staff}
            initialStaffId={walkInStaff}
            labels={labels}
            bookWalkIn={props.actions.bookWalkIn}
            onBooked={() => {
              setWalkInAt(null);
              setNotice({ kind: "ok", text: labels.booked ?? "" });
              refresh();
            }}
            onClose={() => setWalkInAt(null)}
          />
        )}
        {!selected && walkInAt === null && (
          <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
            {labels.hint}
          </p>
        )}
      </div>
    </div>
  );
}
