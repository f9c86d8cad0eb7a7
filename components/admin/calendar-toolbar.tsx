"use client";

import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import type { CalendarFilter } from "./calendar-feed";
import type { CalendarLabels, CalendarStaff } from "./calendar-text";

interface Option {
  id: string;
  name: string;
}

/** One of the toolbar's filters: a labelled select whose first option is "all". */
function FilterSelect(props: {
  id: string;
  label?: string;
  all?: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={props.id}>{props.label}</label>
      <Select
        compact
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** Above the calendar: a new appointment, what it shows, the filters, the zone, loading. */
export function CalendarToolbar(props: {
  labels: CalendarLabels;
  canChange: boolean;
  onNew: () => void;
  showCancelled: boolean;
  onShowCancelled: (show: boolean) => void;
  /** Whether the team's day is shown side by side; null with one person. */
  teamDay: boolean | null;
  onTeamDay: () => void;
  filter: CalendarFilter;
  onFilter: (change: Partial<CalendarFilter>) => void;
  /** The people to filter by (none: no staff filter). */
  staff: Option[];
  locations: Option[];
  resources: Option[];
  loading: boolean;
}) {
  const { labels, filter, onFilter } = props;
  return (
    <div className="mb-3 flex flex-wrap items-center gap-3">
      {props.canChange && <Button onClick={props.onNew}>{labels.newAppointment}</Button>}
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={props.showCancelled}
          onChange={(e) => props.onShowCancelled(e.target.checked)}
        />
        {labels.showCancelled}
      </label>
      {props.teamDay !== null && (
        <Button
          variant="secondary"
          aria-pressed={props.teamDay}
          onClick={props.onTeamDay}
          className="aria-pressed:bg-slate-900 aria-pressed:text-white"
        >
          {labels.sideBySide}
        </Button>
      )}
      {props.staff.length > 0 && (
        <FilterSelect
          id="staff-filter"
          label={labels.staffFilter}
          all={labels.everyone}
          value={filter.staff}
          options={props.staff}
          onChange={(staff) => onFilter({ staff })}
        />
      )}
      {props.locations.length > 1 && (
        <FilterSelect
          id="location-filter"
          label={labels.locationFilter}
          all={labels.everywhere}
          value={filter.location}
          options={props.locations}
          onChange={(location) => onFilter({ location })}
        />
      )}
      {props.resources.length > 0 && (
        <FilterSelect
          id="resource-filter"
          label={labels.resourceFilter}
          all={labels.anyResource}
          value={filter.resource}
          options={props.resources}
          onChange={(resource) => onFilter({ resource })}
        />
      )}
      <span className="text-sm text-slate-600">{labels.zoneLine}</span>
      {props.loading && (
        <span role="status" className="text-sm text-slate-500">
          {labels.loading}
        </span>
      )}
    </div>
  );
}

/** Each person's colour, when events take their staff member's colour. */
export function StaffLegend({ label, staff }: { label: string; staff: CalendarStaff[] }) {
  return (
    <ul aria-label={label} className="mb-3 flex flex-wrap gap-3 text-xs">
      {staff.map((s) => (
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
  );
}
