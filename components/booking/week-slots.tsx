import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Activity } from "@/db/schema";
import { hrefWith } from "@/lib/http/page-params";
import { formatDay, formatTime, formatWeekday, zoneCity } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { BookingWeek } from "@/lib/offer/booking-week";
import { ZoneSwitch } from "./zone-switch";

/** What the week view needs of a booking week (serialisable, for the Pages Router too). */
export type WeekShown = Omit<BookingWeek, "activity" | "free"> & {
  activity: Pick<Activity, "maxAdvanceDays">;
};

/**
 * A week of free start times, one column a day (one day at a time on a phone, picked from a strip
 * of day links), under the name of the zone they are shown in and the switch to the other zone.
 * Plain links throughout (`path` with ?week=, ?day= and the visitor's ?tz=), so it works before
 * or without JavaScript. The element with `data-week-slots` is what the booking page's script
 * swaps for the next week's in place.
 */
export function WeekSlots({
  week,
  locale,
  businessZone,
  path,
  tz,
  selectedDay,
  slotHref,
  current,
  chosen,
}: {
  week: WeekShown;
  locale: Locale;
  businessZone: string;
  path: string;
  tz: string | undefined;
  selectedDay: string | undefined;
  slotHref: (start: number) => string;
  /** When moving a booking: its present start, shown as such and not offered. */
  current?: number;
  /** The start picked, highlighted. */
  chosen?: number;
}) {
  const t = useTranslations("booking");
  const zoneLine = (
    <div className="mb-4 flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
      <p className="text-sm text-slate-600">{t("zoneNote", { zone: zoneCity(week.timeZone) })}</p>
      <ZoneSwitch
        businessZone={businessZone}
        shownZone={week.timeZone}
        path={path}
        query={{ week: week.weekStart }}
        labels={{
          showMyZone: t("showMyZone", { zone: "{zone}" }),
          showBusinessZone: t("showBusinessZone", { zone: "{zone}" }),
        }}
      />
    </div>
  );
  if (week.fullyBooked) {
    return (
      <div data-week-slots="">
        {zoneLine}
        <p className="rounded-2xl bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">
          {t("fullyBooked", { days: week.activity.maxAdvanceDays })}
        </p>
      </div>
    );
  }
  const weekHref = (weekStart: string) => hrefWith(path, { week: weekStart, tz });
  const dayHref = (day: string) => hrefWith(path, { week: week.weekStart, day, tz });
  const shownDay =
    week.days.find((d) => d.day === selectedDay && !d.past)?.day ??
    week.days.find((d) => d.starts.length)?.day ??
    week.days.find((d) => !d.past)?.day ??
    week.weekStart;

  return (
    <div data-week-slots="" className="aria-busy:opacity-60">
      {zoneLine}
      <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <nav className="mb-4 flex items-center justify-between gap-2" aria-label={t("weekNav")}>
          <WeekLink
            href={week.previousWeek && weekHref(week.previousWeek)}
            label={t("previousWeek")}
            direction="previous"
          />
          <h2 tabIndex={-1} className="text-center text-sm font-semibold sm:text-base">
            {t("week", { date: formatDay(week.weekStart, locale, "long") })}
          </h2>
          <WeekLink
            href={week.nextWeek && weekHref(week.nextWeek)}
            label={t("nextWeek")}
            direction="next"
          />
        </nav>

        <DayStrip days={week.days} shownDay={shownDay} locale={locale} dayHref={dayHref} />

        <div className="grid gap-4 sm:grid-cols-7 sm:gap-2">
          {week.days.map((d) => (
            <section
              key={d.day}
              aria-labelledby={`day-${d.day}`}
              className={d.day === shownDay ? "block" : "hidden sm:block"}
            >
              <h3
                id={`day-${d.day}`}
                className="mb-2 text-center text-sm font-medium text-slate-700"
              >
                {formatDay(d.day, locale)}
              </h3>
              <DayStarts
                day={d}
                week={week}
                locale={locale}
                slotHref={slotHref}
                current={current}
                chosen={chosen}
              />
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}

type Day = WeekShown["days"][number];

/** On a phone: the week's days as a strip of links, one day shown at a time. */
function DayStrip(props: {
  days: Day[];
  shownDay: string;
  locale: Locale;
  dayHref: (day: string) => string;
}) {
  const t = useTranslations("booking");
  const { shownDay, locale, dayHref } = props;
  return (
    <ul aria-label={t("days")} className="mb-4 grid grid-cols-7 gap-1 sm:hidden">
      {props.days.map(({ day, starts, past }) => (
        <li key={day}>
          {past ? (
            // A day that is over is not offered at all.
            <span
              aria-disabled="true"
              className="flex flex-col items-center rounded-lg px-1 py-2 text-xs text-slate-300"
            >
              <span>{formatWeekday(day, locale)}</span>
              <span className="text-base font-semibold">{Number(day.slice(8))}</span>
            </span>
          ) : (
            <Link
              href={dayHref(day)}
              data-in-place="day"
              aria-current={day === shownDay ? "date" : undefined}
              scroll={false}
              className={`flex flex-col items-center rounded-lg px-1 py-2 text-xs ${
                day === shownDay
                  ? "bg-brand-600 text-white"
                  : starts.length
                    ? "bg-brand-50 text-brand-700"
                    : "text-slate-500"
              }`}
            >
              <span>{formatWeekday(day, locale)}</span>
              <span className="text-base font-semibold">{Number(day.slice(8))}</span>
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A day's free starts (with the places left of a class), or why there are none. */
function DayStarts(props: {
  day: Day;
  week: WeekShown;
  locale: Locale;
  slotHref: (start: number) => string;
  current?: number;
  chosen?: number;
}) {
  const t = useTranslations("booking");
  const { week, locale, slotHref, current, chosen } = props;
  const { day, starts, past, closed, reason } = props.day;
  return starts.length ? (
    <ul className="grid grid-cols-3 gap-2 sm:grid-cols-1">
      {starts.map((start) => {
        const time = formatTime(start, week.timeZone, locale);
        if (start === current) {
          return (
            <li key={start}>
              <span className="block rounded-lg border border-dashed border-slate-300 py-2 text-center text-sm text-slate-600">
                {time} <span className="text-xs">({t("current")})</span>
              </span>
            </li>
          );
        }
        const places = week.places?.[start];
        const left = places === undefined ? null : t("placesLeft", { count: places });
        return (
          <li key={start}>
            <Link
              aria-current={start === chosen ? "true" : undefined}
              href={slotHref(start)}
              // Dozens of these per week: fetch the form only when one is chosen.
              prefetch={false}
              aria-label={`${t("slotLabel", { day: formatDay(day, locale, "long"), time })}${left ? `, ${left}` : ""}`}
              className="block rounded-lg border border-brand-200 bg-brand-50 py-2 text-center text-sm font-medium text-brand-700 hover:border-brand-500 hover:bg-brand-100 aria-[current=true]:border-brand-600 aria-[current=true]:bg-brand-600 aria-[current=true]:text-white"
            >
              {time}
              {left && (
                <span className="block text-xs font-normal" data-places={places}>
                  {left}
                </span>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  ) : past ? (
    <p className="py-3 text-center text-xs text-slate-400">{t("past")}</p>
  ) : closed ? (
    <p className="rounded-lg bg-slate-100 px-1 py-3 text-center text-xs text-slate-600 [overflow-wrap:anywhere]">
      <span className="font-medium">{t("closed")}</span>
      {reason ? <span className="block">{reason}</span> : null}
    </p>
  ) : (
    <p className="rounded-lg bg-slate-50 py-3 text-center text-xs text-slate-500">{t("noTimes")}</p>
  );
}

function WeekLink({
  href,
  label,
  direction,
}: {
  href: string | null;
  label: string;
  direction: "previous" | "next";
}) {
  // On a phone only the arrow shows; the label stays for screen readers.
  const text = <span className="sr-only sm:not-sr-only">{label}</span>;
  const content =
    direction === "previous" ? (
      <>
        <span aria-hidden="true">←</span> {text}
      </>
    ) : (
      <>
        {text} <span aria-hidden="true">→</span>
      </>
    );
  const className = "rounded-lg px-3 py-2 text-sm font-medium";
  if (!href) {
    return (
      <span aria-disabled="true" className={`${className} text-slate-400`}>
        {content}
      </span>
    );
  }
  return (
    <Link
      href={href}
      scroll={false}
      data-in-place={direction}
      className={`${className} text-brand-700 hover:bg-brand-50`}
    >
      {content}
    </Link>
  );
}
