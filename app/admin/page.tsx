
import { getTranslations } from "next-intl/server";
import { AdminCalendar } from "@/components/admin/admin-calendar";
import { OverviewPanel } from "@/components/admin/overview-panel";
import { listActivities } from "@/lib/activities/activities";
import { adminLabels } from "@/lib/admin/form-labels";
import { overview } from "@/lib/appointments/overview";
import { can } from "@/lib/auth/authenticate";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { getAvailability } from "@/lib/availability/availability";
import { getDb } from "@/lib/db";
import { zoneCity } from "@/lib/i18n/format";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.nav.calendar");

export default async function CalendarPage() {
  const { tenant, caller } = await requirePageCaller();
  const db = await getDb();
  const now = new Date();
  const [t, uiLabels, figures, activities, availability] = await Promise.all([
    getTranslations("admin"),
    adminLabels("calendarUi"),
    overview(db, tenant, now),
    listActivities(db, tenant.id),
    getAvailability(db, tenant.id),
  ]);
  const labels = {
    ...uiLabels,
    zoneLine: t("zoneLine", { city: zoneCity(tenant.timeZone), zone: tenant.timeZone }),
  };
  return (
    <section>
      <h1 className="mb-3 text-2xl font-semibold">{t("calendar.title")}</h1>
      <OverviewPanel tenant={tenant} figures={figures} now={now} />
      <AdminCalendar
        tenantSlug={tenant.slug}
        timeZone={tenant.timeZone}
        locale={tenant.locale}
        canChange={can(caller.role, "appointments")}
        closedDays={availability.exceptions}
        activities={activities.map((a) => ({
          id: a.id,
          name: a.name,
          requirePhone: a.requirePhone,
          requireAddress: a.requireAddress,
          customFieldLabel: a.requireCustomField ? a.customFieldLabel : null,
        }))}
        labels={labels}
      />
    </section>
  );
}
