import { getTranslations } from "next-intl/server";
import type { Tenant } from "@/db/schema";
import { formatDateTime, formatDuration, formatPrice, zoneCity } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/**
 * What, when, where and how much: the time in the business's zone, and also in the zone the
 * visitor chose to see times in when that differs.
 */
export async function BookingSummary({
  tenant,
  locale,
  activity,
  start,
  shownZone,
  staffName,
  place,
  meetingUrl,
  online = false,
  children,
}: {
  tenant: Tenant;
  locale: Locale;
  activity: { name: string; color: string; durationMinutes: number; priceMinor: number };
  start: number;
  shownZone: string;
  /** Who performs it; left out while nobody is assigned yet ("no preference"). */
  staffName?: string | null;
  /** Where, at a business with several places (its zone is the one its times are given in). */
  place?: { name: string; address: string | null; online: boolean; timeZone: string } | null;
  /** The video room of an online appointment: for the customer only. */
  meetingUrl?: string | null;
  /** Delivered on video (its room comes with the booking). */
  online?: boolean;
  children?: React.ReactNode;
}) {
  const t = await getTranslations("details");
  const placeZone = place?.timeZone ?? tenant.timeZone;
  const businessTime = t("businessTime", {
    time: formatDateTime(start, placeZone, locale),
    zone: zoneCity(placeZone),
  });
  const where =
    place?.online || online || meetingUrl
      ? t("online")
      : [place?.name ?? tenant.name, place ? place.address : tenant.address]
          .filter(Boolean)
          .join(", ");
  const rows: [string, React.ReactNode][] = [
    [
      t("what"),
      <span key="what" className="inline-flex items-center gap-2">
        <span
          aria-hidden="true"
          className="size-3 rounded-full"
          style={{ backgroundColor: activity.color }}
        />
        {activity.name}
      </span>,
    ],
    [
      t("when"),
      shownZone === placeZone ? (
        businessTime
      ) : (
        <span key="when" className="flex flex-col">
          <span>
            {t("businessTime", {
              time: formatDateTime(start, shownZone, locale),
              zone: zoneCity(shownZone),
            })}
          </span>
          <span className="text-sm text-slate-600">{businessTime}</span>
        </span>
      ),
    ],
    ...(staffName ? [[t("with"), staffName] as [string, React.ReactNode]] : []),
    [t("duration"), formatDuration(activity.durationMinutes, locale)],
    [t("price"), formatPrice(activity.priceMinor, tenant.currency, locale)],
    [t("where"), where],
    ...(meetingUrl
      ? [
          [
            t("video"),
            <a
              key="video"
              href={meetingUrl}
              className="break-all text-brand-700 underline"
              data-testid="meeting-url"
            >
              {meetingUrl}
            </a>,
          ] as [string, React.ReactNode],
        ]
      : []),
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm sm:text-base">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="font-medium">{value}</dd>
        </div>
      ))}
      {children}
    </dl>
  );
}
