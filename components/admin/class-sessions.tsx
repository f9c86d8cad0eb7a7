import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { Activity, Tenant } from "@/db/schema";
import { failureTexts } from "@/lib/admin/form-labels";
import { listClassSessions } from "@/lib/classes/class-sessions";
import { getDb } from "@/lib/db";
import { formatDateTime, formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { listLocations } from "@/lib/locations/locations";
import { listResources } from "@/lib/resources/resources";
import { dayInZone } from "@/lib/scheduling/calendar-day";
import { DAY_MS } from "@/lib/scheduling/durations";
import { listStaff } from "@/lib/staff/staff";

/**
 * A class's sessions on its service page: the coming ones with their places taken, each opening
 * its attendee list, and a form to schedule more (works without JavaScript).
 */
export async function ClassSessions(props: {
  tenant: Tenant;
  activity: Activity;
  outcome: {
    scheduled?: string;
    error?: string;
    field?: string;
    skipped?: string;
    cancelled?: string;
  };
  /** The page's server action scheduling sessions of the activity. */
  schedule: (activityId: string, form: FormData) => Promise<void>;
}) {
  const { tenant, activity, outcome } = props;
  const db = await getDb();
  const now = Date.now();
  const [t, failure, locale, sessions, staff, resources, locations] = await Promise.all([
    getTranslations("admin.classes"),
    failureTexts(),
    getLocale() as Promise<Locale>,
    listClassSessions(db, tenant.id, {
      activityId: activity.id,
      from: now,
      to: now + 120 * DAY_MS,
    }),
    listStaff(db, tenant.id),
    listResources(db, tenant.id),
    listLocations(db, tenant.id),
  ]);
  const teachers = staff.filter((s) => s.activityIds.includes(activity.id));
  const rooms = resources.filter((r) => !activity.resourceKind || r.kind === activity.resourceKind);
  const zoneOf = new Map(locations.map((l) => [l.id, l.timeZone ?? tenant.timeZone]));
  const placeOf = new Map(locations.map((l) => [l.id, l.name]));
  const several = locations.length > 1;

  return (
    <section aria-labelledby="sessions-title" className="mt-10 max-w-3xl">
      <h2 id="sessions-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("intro", { capacity: activity.capacity })}</p>
      {outcome.scheduled && (
        <Notice kind="ok" className="mt-3">
          {t("scheduled", { count: Number(outcome.scheduled) })}
          {outcome.skipped &&
            ` ${t("skipped", {
              days: outcome.skipped
                .split(",")
                .map((day) => formatDay(day, locale, "long"))
                .join(", "),
            })}`}
        </Notice>
      )}
      {outcome.cancelled && (
        <Notice kind="ok" className="mt-3">
          {t("cancelled")}
        </Notice>
      )}
      {outcome.error && (
        <Notice kind="error" className="mt-3">
          {outcome.error === "VALIDATION_ERROR" &&
          outcome.field &&
          t.has(`invalid.${outcome.field}`)
            ? t(`invalid.${outcome.field}`)
            : failure(outcome.error)}
        </Notice>
      )}
      {sessions.length === 0 ? (
        <EmptyState className="mt-3">{t("empty")}</EmptyState>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {formatDateTime(s.startsAt, zoneOf.get(s.locationId) ?? tenant.timeZone, locale)}
                </p>
                <p className="text-sm text-slate-600">
                  {[s.staffName, s.resourceName, several ? placeOf.get(s.locationId) : null]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {s.outsideHours && (
                  <p className="mt-1 inline-block rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">
                    {t("outsideHoursMark")}
                  </p>
                )}
              </div>
              <span className="text-sm">
                {t("booked", { booked: s.booked, capacity: s.capacity })}
              </span>
              <Link href={`/admin/classes/${s.id}`} className="text-sm underline">
                {t("attendees")}
              </Link>
            </li>
          ))}
        </ul>
      )}

      <h3 className="mt-6 font-semibold">{t("scheduleTitle")}</h3>
      {teachers.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("noTeacher")}</p>
      ) : (
        <ScheduleForm
          tenant={tenant}
          activity={activity}
          teachers={teachers}
          rooms={rooms}
          now={now}
          schedule={props.schedule}
        />
      )}
    </section>
  );
}

/** Scheduling sessions: a day and time, its teacher and room, repeated weekly if asked. */
async function ScheduleForm(props: {
  tenant: Tenant;
  activity: Activity;
  teachers: { id: string; name: string }[];
  rooms: { id: string; name: string }[];
  now: number;
  schedule: (activityId: string, form: FormData) => Promise<void>;
}) {
  const t = await getTranslations("admin.classes");
  const { tenant, activity, teachers, rooms, now, schedule } = props;
  return (
    <form
      action={schedule.bind(null, activity.id)}
      className="mt-2 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
    >
      <label className="flex flex-col text-sm font-medium">
        {t("date")}
        <Input
          type="date"
          name="date"
          required
          min={dayInZone(now, tenant.timeZone)}
          defaultValue={dayInZone(now + DAY_MS, tenant.timeZone)}
          className="mt-1 text-sm"
        />
      </label>
      <label className="flex flex-col text-sm font-medium">
        {t("time")}
        <Input
          type="time"
          name="time"
          required
          defaultValue="18:00"
          step={300}
          className="mt-1 text-sm"
        />
      </label>
      <label className="flex flex-col text-sm font-medium">
        {t("teacher")}
        <Select name="staffId" className="mt-1 text-sm">
          {teachers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col text-sm font-medium">
        {t("room")}
        <Select name="resourceId" className="mt-1 text-sm">
          <option value="">
            {activity.resourceKind ? t("anyRoom", { kind: activity.resourceKind }) : t("noRoom")}
          </option>
          {rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col text-sm font-medium">
        {t("repeat")}
        <Input
          type="number"
          name="repeatWeeks"
          min={0}
          max={52}
          defaultValue={0}
          className="mt-1 text-sm"
        />
        <span className="mt-1 text-xs font-normal text-slate-600">{t("repeatHint")}</span>
      </label>
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="outsideHours" />
        {t("outsideHours")}
      </label>
      <div className="flex items-end">
        <Button type="submit" size="lg">
          {t("schedule")}
        </Button>
      </div>
    </form>
  );
}
