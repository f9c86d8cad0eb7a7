import { formatInTimeZone } from "date-fns-tz";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { calendarActions } from "@/app/admin/calendar-action-set";
import { hideGuideAction, resendConfirmationAction } from "@/app/admin/guide-actions";
import { AdminCalendar } from "@/components/admin/admin-calendar";
import { BookingLinkCard } from "@/components/admin/booking-link-card";
import { FirstRunGuide } from "@/components/admin/first-run-guide";
import { OverviewPanel } from "@/components/admin/overview-panel";
import { requirePageCaller } from "@/lib/access/page-caller";
import { listActivities } from "@/lib/activities/activities";
import { adminLabels } from "@/lib/admin/form-labels";
import { overview } from "@/lib/appointments/overview";
import { can } from "@/lib/auth/authenticate";
import { getAvailability } from "@/lib/availability/availability";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { firstParam, type SearchParams } from "@/lib/http/page-params";
import { zoneCity } from "@/lib/i18n/format";
import { pageTitle } from "@/lib/i18n/page-title";
import { listLocations } from "@/lib/locations/locations";
import { nextFreeStart } from "@/lib/offer/booking-week";
import { listResources } from "@/lib/resources/resources";
import { firstRunSteps } from "@/lib/signup/first-run";
import { listStaff, toCalendarStaff } from "@/lib/staff/staff";
import { bookingLink } from "@/lib/tenants/booking-link";

export const generateMetadata = pageTitle("admin.nav.calendar");

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { tenant, caller } = await requirePageCaller();
  const db = await getDb();
  const now = new Date();
  const [t, uiLabels, figures, activities, availability, staff, locations, resources, steps] =
    await Promise.all([
      getTranslations("admin"),
      adminLabels("calendarUi"),
      overview(db, tenant, now),
      listActivities(db, tenant.id),
      getAvailability(db, tenant.id),
      listStaff(db, tenant.id),
      listLocations(db, tenant.id),
      listResources(db, tenant.id),
      can(caller.role, "manage") ? firstRunSteps(db, tenant) : null,
    ]);
  // "New appointment" opens on the first free start of the first service.
  const first = activities[0] && (await nextFreeStart(db, tenant, activities[0].id, now));
  const url = bookingLink(await headers(), tenant, env().appRootDomain);
  const labels = {
    ...uiLabels,
    zoneLine: t("zoneLine", { city: zoneCity(tenant.timeZone), zone: tenant.timeZone }),
  };
  return (
    <section>
      <h1 className="mb-3 text-2xl font-semibold">{t("calendar.title")}</h1>
      {steps ? (
        <FirstRunGuide
          actions={{ resendConfirmation: resendConfirmationAction, hide: hideGuideAction }}
          steps={steps}
          bookingUrl={url}
          ownerEmail={tenant.contactEmail ?? ""}
          mailGoesOut={Boolean(env().smtpUrl)}
          linkSent={firstParam((await searchParams).done) === "linkSent"}
        />
      ) : null}
      {/* On a phone the calendar comes first (the link and the figures after it), past the guide. */}
      <div className="flex flex-col">
        <div className="max-sm:order-last">
          {!steps && <BookingLinkCard url={url} business={tenant.name} />}
          <OverviewPanel
            tenant={tenant}
            figures={figures}
            now={now}
            showRevenue={can(caller.role, "manage")}
          />
        </div>
        <AdminCalendar
          tenantSlug={tenant.slug}
          timeZone={tenant.timeZone}
          locale={tenant.locale}
          canChange={can(caller.role, "appointments")}
          actions={calendarActions}
          nextFree={first ? formatInTimeZone(first, tenant.timeZone, "yyyy-MM-dd'T'HH:mm") : ""}
          closedDays={availability.exceptions}
          staff={staff.map(toCalendarStaff)}
          locations={locations.map(({ id, name, timeZone }) => ({
            id,
            name,
            timeZone: timeZone ?? tenant.timeZone,
          }))}
          resources={resources.map(({ id, name }) => ({ id, name }))}
          // A staff member signed in sees their own appointments first.
          ownStaffId={
            caller.role === "staff" ? (staff.find((s) => s.userId === caller.id)?.id ?? "") : ""
          }
          activities={activities.map((a) => ({
            id: a.id,
            name: a.name,
            requirePhone: a.requirePhone,
            requireAddress: a.requireAddress,
            customFieldLabel: a.requireCustomField ? a.customFieldLabel : null,
          }))}
          labels={labels}
        />
      </div>
    </section>
  );
}
