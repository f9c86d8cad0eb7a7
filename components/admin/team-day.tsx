"use client";

import FullCalendar, {
  type DateClickInfo,
  type EventClickInfo,
  type EventDisplayInfo,
  type EventDropInfo,
  type EventInput,
  type EventSourceFuncInfo,
  type LocaleInput,
} from "@fullcalendar/react";
import interactionPlugin from "@fullcalendar/react/interaction";
import classicTheme from "@fullcalendar/react/themes/classic";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import { useMemo } from "react";
import { buttonClass } from "@/components/ui/button";
import { addDays } from "@/lib/scheduling/calendar-day";
import type { CalendarLabels, CalendarStaff } from "./calendar-text";

const plugins = [classicTheme, timeGridPlugin, interactionPlugin];

/**
 * One day, one column per staff member, side by side: the free FullCalendar's own day grids (its
 * resource views, which do this in one grid, are a premium plugin). Each column shows that
 * person's appointments over the business's hours; a click in a column books with them.
 */
export function TeamDay(props: {
  day: string;
  onDayChange: (day: string) => void;
  today: string;
  staff: CalendarStaff[];
  timeZone: string;
  locale: LocaleInput | string;
  labels: CalendarLabels;
  canChange: boolean;
  /** Bumped to fetch the events again. */
  version: number;
  load: (info: EventSourceFuncInfo, staffId: string) => Promise<EventInput[]>;
  eventContent: (info: EventDisplayInfo) => React.ReactNode;
  onDateClick: (info: DateClickInfo, staffId: string) => void;
  onEventClick: (info: EventClickInfo) => void;
  onEventDrop: (info: EventDropInfo) => void;
  title: string;
}) {
  const { labels, load } = props;
  const button = buttonClass("secondary", "sm");
  // One stable source per column: new sources on every render would fetch again on every render.
  const staffIds = props.staff.map((s) => s.id).join(" ");
  const sources = useMemo(
    () =>
      new Map(
        staffIds
          .split(" ")
          .map((id) => [id, [{ events: (info: EventSourceFuncInfo) => load(info, id) }]]),
      ),
    [staffIds, load],
  );
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-2" data-testid="team-day">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={button}
          aria-label={labels.previousDay}
          onClick={() => props.onDayChange(addDays(props.day, -1))}
        >
          ←
        </button>
        <button
          type="button"
          className={button}
          aria-label={labels.nextDay}
          onClick={() => props.onDayChange(addDays(props.day, 1))}
        >
          →
        </button>
        <button
          type="button"
          className={button}
          disabled={props.day === props.today}
          onClick={() => props.onDayChange(props.today)}
        >
          {labels.today}
        </button>
        <h2 className="ml-2 text-lg font-semibold">{props.title}</h2>
      </div>
      <div className="overflow-x-auto">
        <div
          className="grid gap-2"
          style={{ gridTemplateColumns: `repeat(${props.staff.length}, minmax(11rem, 1fr))` }}
        >
          {props.staff.map((s) => (
            <section key={s.id} aria-label={s.name} className="rv-calendar min-w-0">
              <h3 className="mb-1 flex items-center gap-2 truncate text-sm font-medium">
                <span
                  aria-hidden="true"
                  className="size-3 shrink-0 rounded-sm"
                  style={{ backgroundColor: s.color }}
                />
                {s.name}
              </h3>
              <FullCalendar
                key={`${s.id}-${props.day}-${props.version}`}
                plugins={plugins}
                initialView="timeGridDay"
                initialDate={props.day}
                timeZone={props.timeZone}
                locale={props.locale}
                headerToolbar={false}
                dayHeaders={false}
                allDaySlot={false}
                height="auto"
                slotMinTime="06:00:00"
                slotMaxTime="22:00:00"
                nowIndicator={true}
                editable={props.canChange}
                eventDurationEditable={false}
                eventSources={sources.get(s.id)}
                eventContent={props.eventContent}
                dateClick={(info) => props.onDateClick(info, s.id)}
                eventClick={props.onEventClick}
                eventDrop={props.onEventDrop}
              />
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
