import type { GetServerSideProps } from "next";
import Head from "next/head";
import { NextIntlClientProvider, useTranslations } from "next-intl";
import type { ActivityShown } from "@/components/booking/activity-card";
import { ActivityHeader } from "@/components/booking/activity-header";
import { BookingPageScript } from "@/components/booking/booking-page-script";
import { BookingSteps, BookingUnavailable, PublicShell } from "@/components/booking/public-shell";
import { ModeChoice, StaffChoice } from "@/components/booking/staff-choice";
import { type WeekShown, WeekSlots } from "@/components/booking/week-slots";
import type { DeliveryMode } from "@/db/enums";
import type { Tenant } from "@/db/schema";
import { modeSchema } from "@/lib/appointments/schema";
import { getDb } from "@/lib/db";
import { displayZone, firstParam, hrefWith, orUndefinedIfNotFound } from "@/lib/http/page-params";
import { NONCE_HEADER } from "@/lib/http/security-headers";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { chosenLocation, publicLocations } from "@/lib/locations/public-locations";
import { loadBookingWeek } from "@/lib/offer/booking-week";
import { findTenantBySlug } from "@/lib/tenants/find-tenant";
import { isOpenForBooking } from "@/lib/tenants/online-booking";
import { TENANT_HEADER } from "@/lib/tenants/resolve-tenant-slug";
import { uuidSchema } from "@/lib/validation";

// Why the Pages Router: the booking page's budget is 100 kB of gzipped JavaScript, and any App
// Router page ships React's client runtime (135 kB with Next 16.4). Here the page is rendered on
// the server with the same components and ships no framework at all, only the small script that
// adds the visitor's zone and paging in place. Everything else works as plain links.
export const config = { unstable_runtimeJS: false };

// What these components read; all of it would include keys the client-side checks refuse.
const pick = ({ public: shell, booking, errors, home, common, account }: typeof en) => ({
  public: shell,
  booking,
  errors,
  home,
  common,
  account: { myBookings: account.myBookings },
});
const messages = { en: pick(en), fr: pick(fr) };

type Props = {
  locale: Locale;
  /** This response's script nonce (proxy.ts), for the inline script. */
  nonce: string | null;
  tenant: Pick<
    Tenant,
    "name" | "currency" | "timeZone" | "address" | "contactEmail" | "contactPhone"
  >;
} & (
  | { state: "unavailable" }
  | { state: "notFound" }
  | {
      state: "week";
      activity: ActivityShown & { id: string; modes: DeliveryMode[] };
      /** In person or on video, when the service is delivered both ways. */
      mode: DeliveryMode | null;
      week: WeekShown;
      tz: string | null;
      selectedDay: string | null;
      place: { id: string; name: string; timeZone: string } | null;
    }
);

export const getServerSideProps: GetServerSideProps<Props> = async ({
  req,
  res,
  params,
  query,
}) => {
  const slug = req.headers[TENANT_HEADER];
  const db = await getDb();
  const tenant = typeof slug === "string" ? await findTenantBySlug(db, slug) : undefined;
  if (!tenant) return { notFound: true };
  const nonce = req.headers[NONCE_HEADER];
  const common = {
    nonce: typeof nonce === "string" ? nonce : null,
    locale: tenant.locale as Locale,
    tenant: {
      name: tenant.name,
      currency: tenant.currency,
      timeZone: tenant.timeZone,
      address: tenant.address,
      contactEmail: tenant.contactEmail,
      contactPhone: tenant.contactPhone,
    },
  };
  if (!isOpenForBooking(tenant)) return { props: { ...common, state: "unavailable" } };

  const activityId = String(params?.activityId);
  const locations = await publicLocations(db, tenant);
  const location = chosenLocation(locations, firstParam(query.location));
  // Times are shown in the place's own zone (the business's when no place is chosen).
  const placeZone = location?.timeZone ?? tenant.timeZone;
  const { zone, tz } = displayZone(placeZone, firstParam(query.tz));
  const mode = modeSchema.safeParse(firstParam(query.mode)).data ?? null;
  const loaded = uuidSchema.safeParse(activityId).success
    ? await orUndefinedIfNotFound(
        loadBookingWeek(
          db,
          tenant,
          activityId,
          {
            timeZone: zone,
            week: firstParam(query.week),
            staffId: uuidSchema.safeParse(firstParam(query.staff)).data,
            locationId: location?.id,
            mode,
          },
          new Date(),
        ),
      )
    : undefined;
  // A service hidden from online booking is not offered here (its bookings can still be moved).
  if (!loaded?.activity.onlineBooking) {
    res.statusCode = 404;
    return { props: { ...common, state: "notFound" } };
  }
  const { activity, free: _free, ...week } = loaded;
  return {
    props: {
      ...common,
      state: "week",
      activity: {
        id: activity.id,
        name: activity.name,
        description: activity.description,
        color: activity.color,
        durationMinutes: activity.durationMinutes,
        priceMinor: activity.priceMinor,
        modes: activity.modes,
      },
      mode: activity.modes.length > 1 ? mode : null,
      week: { ...week, activity: { maxAdvanceDays: activity.maxAdvanceDays } },
      tz: tz ?? null,
      selectedDay: firstParam(query.day) ?? null,
      // Named only where there is a choice of places.
      place:
        locations.length > 1 && location
          ? { id: location.id, name: location.name, timeZone: location.timeZone }
          : null,
    },
  };
};

export default function BookPage(props: Props) {
  return (
    <NextIntlClientProvider
      locale={props.locale}
      messages={messages[props.locale]}
      timeZone={props.tenant.timeZone}
    >
      <PublicShell tenant={props.tenant} nonce={props.nonce ?? undefined}>
        <BookPageContent {...props} />
      </PublicShell>
      {process.env.NODE_ENV === "production" ? (
        <BookingPageScript nonce={props.nonce ?? undefined} />
      ) : null}
    </NextIntlClientProvider>
  );
}

function BookPageContent(props: Props) {
  const t = useTranslations();
  const title = (text: string) => (
    <Head>
      <title>{`${text} · ${props.tenant.name}`}</title>
      <meta name="viewport" content="width=device-width, initial-scale=1" />
    </Head>
  );
  if (props.state === "unavailable") {
    return (
      <>
        {title(t("public.unavailableTitle"))}
        <BookingUnavailable tenant={props.tenant} />
      </>
    );
  }
  if (props.state === "notFound") {
    return (
      <>
        {title(t("errors.notFoundTitle"))}
        <section className="mx-auto max-w-xl text-center">
          <h1 className="text-2xl font-semibold">{t("errors.notFoundTitle")}</h1>
          <p className="mt-3 text-slate-600">{t("errors.notFoundText")}</p>
        </section>
      </>
    );
  }
  const { activity, week, locale, tenant, place, mode } = props;
  const tz = props.tz ?? undefined;
  // The place, the way and the person chosen stay on every link of the week, and on to the details.
  const where = hrefWith(`/book/${activity.id}`, { location: place?.id });
  const base = hrefWith(where, { mode });
  const path = hrefWith(base, { staff: week.staffId });
  return (
    <>
      {title(activity.name)}
      <BookingSteps current={1} />
      <ActivityHeader activity={activity} tenant={tenant} locale={locale} />
      {place && (
        <p className="-mt-2 mb-4 text-sm text-slate-600" data-testid="place">
          {t("home.at", { place: place.name })}{" "}
          <a href="/" className="text-brand-700 underline">
            {t("home.otherPlace")}
          </a>
        </p>
      )}
      {activity.modes.length > 1 && <ModeChoice chosen={mode} path={where} tz={tz} />}
      <StaffChoice staff={week.staff} chosen={week.staffId} path={base} tz={tz} />
      <WeekSlots
        week={week}
        locale={locale}
        businessZone={place?.timeZone ?? tenant.timeZone}
        path={path}
        tz={tz}
        selectedDay={props.selectedDay ?? undefined}
        slotHref={(start) =>
          hrefWith(`/book/${activity.id}/details`, {
            at: new Date(start).toISOString(),
            staff: week.staffId,
            location: place?.id,
            mode,
            tz,
          })
        }
      />
    </>
  );
}
