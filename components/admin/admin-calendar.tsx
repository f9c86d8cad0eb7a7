"use client";

import type { DateClickInfo, EventClickInfo } from "@fullcalendar/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Notice } from "@/components/ui/notice";
import { AppointmentPanel } from "./appointment-panel";
import type { CalendarActions } from "./calendar-actions";
import {
  calendarLocale,
  dayTitle,
  eventContent,
  usePhoneWidth,
  WeekCalendar,
  wallClock,
} from "./calendar-display";
import type { CalendarLabels, CalendarStaff } from "./calendar-text";
import { CalendarToolbar, StaffLegend } from "./calendar-toolbar";
import { TeamDay } from "./team-day";
import { type CalendarNotice, useCalendarFeed, useMoveOnCalendar } from "./use-calendar-feed";
import { type CalendarActivity, WalkInForm } from "./walk-in-form";

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
  locations: { id: string; name: string; timeZone: string }[];
  resources: { id: string; name: string }[];
  closedDays: { date: string; reason: string | null }[];
  /** Whether the signed-in user may change appointments (every role may; kept explicit). */
  canChange: boolean;
  actions: CalendarActions;
  /** The first free start ("2026-11-24T10:00"), what "New appointment" proposes; "" for none. */
  nextFree: string;
  labels: CalendarLabels;
}

export function AdminCalendar(props: AdminCalendarProps) {
  const { labels } = props;
  const team = props.staff.length > 1;
  // With several people: one day, a column each (null: the usual calendar).
  const [teamDay, setTeamDay] = useState<string | null>(null);
  const [walkInStaff, setWalkInStaff] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const [walkInAt, setWalkInAt] = useState<string | null>(null);
  const [notice, setNotice] = useState<CalendarNotice | null>(null);
  const [loading, setLoading] = useState(false);
  const router = useRouter();
  const feed = useCalendarFeed(props, team, setNotice);
  const { calendar, filter, refresh } = feed;
  const { move, confirmMove, keepTime } = useMoveOnCalendar(props, (notice) => {
    setNotice(notice);
    refresh();
  });
  const phone = usePhoneWidth();
  // A phone shows one day; back at a wider width, the week it was switched from. (Chromium also
  // narrows the page for a moment while it takes a full-page screenshot.)
  const switchedToDay = useRef(false);
  useEffect(() => {
    const api = calendar.current?.getApi();
    if (!api) return;
    if (phone && api.view.type !== "timeGridDay" && api.view.type !== "listWeek") {
      switchedToDay.current = true;
      api.changeView("timeGridDay");
    } else if (!phone && switchedToDay.current) {
      switchedToDay.current = false;
      if (api.view.type === "timeGridDay") api.changeView("timeGridWeek");
    }
  }, [phone, calendar]);
  const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: props.timeZone });

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
        <CalendarToolbar
          labels={labels}
          canChange={props.canChange}
          onNew={() => {
            setSelected(null);
            setWalkInAt(props.nextFree);
          }}
          showCancelled={feed.showCancelled}
          onShowCancelled={feed.setShowCancelled}
          teamDay={team ? teamDay !== null : null}
          onTeamDay={() => setTeamDay(teamDay === null ? today() : null)}
          filter={filter}
          onFilter={feed.changeFilter}
          staff={team && teamDay === null ? props.staff : []}
          locations={props.locations}
          resources={props.resources}
          loading={loading}
        />
        {team && <StaffLegend label={labels.staffLegend ?? ""} staff={props.staff} />}
        {notice && (
          <Notice kind={notice.kind} className="mb-3">
            {notice.text}
            {notice.undo && (
              <Button variant="quiet" size="sm" className="ml-2 underline" onClick={notice.undo}>
                {labels.undo}
              </Button>
            )}
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
            cancel={{ label: labels.keepTime ?? "", onCancel: keepTime }}
          />
        )}
        {teamDay !== null && (
          <TeamDay
            day={teamDay}
            today={today()}
            onDayChange={setTeamDay}
            title={dayTitle(props.locale, teamDay)}
            staff={props.staff}
            timeZone={props.timeZone}
            locale={calendarLocale(props.locale)}
            labels={labels}
            canChange={props.canChange}
            version={feed.version}
            load={feed.loadStaffEvents}
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
          <WeekCalendar
            calendar={calendar}
            timeZone={props.timeZone}
            locale={props.locale}
            phone={phone}
            canChange={props.canChange}
            eventSources={feed.eventSources}
            onLoading={setLoading}
            onDateClick={onDateClick}
            onEventClick={onEventClick}
            onEventDrop={(info) => move(info, false)}
          />
        </div>
      </div>
      <CalendarSide
        selected={selected}
        walkInAt={walkInAt}
        walkInStaff={walkInStaff}
        labels={labels}
        props={props}
        onClose={() => {
          setSelected(null);
          setWalkInAt(null);
        }}
        onDone={(text) => {
          setWalkInAt(null);
          setNotice({ kind: "ok", text });
          refresh();
        }}
      />
    </div>
  );
}

/** Beside the calendar: the appointment opened, the walk-in form, or how to use the calendar. */
function CalendarSide(p: {
  selected: string | null;
  walkInAt: string | null;
  walkInStaff: string;
  labels: CalendarLabels;
  props: AdminCalendarProps;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const { labels, props } = p;
  return (
    <div>
      {p.selected && (
        <AppointmentPanel
          key={p.selected}
          id={p.selected}
          labels={labels}
          staff={props.staff}
          canChange={props.canChange}
          actions={props.actions}
          onChanged={p.onDone}
          onClose={p.onClose}
        />
      )}
      {p.walkInAt !== null && (
        <WalkInForm
          key={`${p.walkInAt}-${p.walkInStaff}`}
          at={p.walkInAt}
          activities={props.activities}
          staff={props.staff}
          locations={props.locations}
          timeZone={props.timeZone}
          initialStaffId={p.walkInStaff}
          labels={labels}
          bookWalkIn={props.actions.bookWalkIn}
          onBooked={() => p.onDone(labels.booked ?? "")}
          onClose={p.onClose}
        />
      )}
      {!p.selected && p.walkInAt === null && <EmptyState>{labels.hint}</EmptyState>}
    </div>
  );
}
