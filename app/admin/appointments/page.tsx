import { getTranslations } from "next-intl/server";
import { calendarActions } from "@/app/admin/calendar-action-set";
import { OpenedAppointment } from "@/components/admin/opened-appointment";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { requirePageCaller } from "@/lib/access/page-caller";
import { adminLabels } from "@/lib/admin/form-labels";
import {
  appointmentSearchSchema,
  PAGE_SIZE,
  searchAppointments,
} from "@/lib/appointments/search-appointments";
import { can } from "@/lib/auth/authenticate";
import { getDb } from "@/lib/db";
import { firstParam, hrefWith, type SearchParams } from "@/lib/http/page-params";
import { pageTitle } from "@/lib/i18n/page-title";
import { listStaff, toCalendarStaff } from "@/lib/staff/staff";
import { uuidSchema } from "@/lib/validation";
import { AppointmentFilters } from "./appointment-filters";
import { AppointmentsTable } from "./appointments-table";
import { queryOf } from "./search-query";

export const generateMetadata = pageTitle("admin.nav.appointments");

export default async function AppointmentsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { tenant, caller } = await requirePageCaller();
  const params = await searchParams;
  const search = appointmentSearchSchema.parse(
    Object.fromEntries(Object.keys(params).map((k) => [k, firstParam(params[k])])),
  );
  // An appointment opened from its row, in the calendar's details panel.
  const opened = uuidSchema.safeParse(firstParam(params.open)).data;
  const db = await getDb();
  const [t, _ts, { rows, total }, panelLabels, staff] = await Promise.all([
    getTranslations("admin.appointments"),
    getTranslations("admin.statuses"),
    searchAppointments(db, tenant, search),
    adminLabels("calendarUi"),
    listStaff(db, tenant.id),
  ]);
  const team = staff.length > 1;
  const inverted = Boolean(search.from && search.to && search.from > search.to);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <section>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <a
          href={hrefWith("/admin/appointments/export", queryOf(search, { page: undefined }))}
          className={buttonClass("secondary")}
          download
        >
          {t("export")}
        </a>
      </div>

      <AppointmentFilters search={search} staff={team ? staff : []} />

      {inverted && (
        <p role="alert" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("inverted")}
        </p>
      )}
      <p className="mt-3 text-sm text-slate-600" role="status">
        {t("count", { total })}
      </p>
      {opened && (
        <div className="mt-3 max-w-xl">
          <OpenedAppointment
            id={opened}
            labels={panelLabels}
            staff={staff.map(toCalendarStaff)}
            canChange={can(caller.role, "appointments")}
            actions={calendarActions}
            closeHref={hrefWith("/admin/appointments", queryOf(search))}
          />
        </div>
      )}

      {rows.length === 0 ? (
        <EmptyState className="mt-3">{t("empty")}</EmptyState>
      ) : (
        <AppointmentsTable search={search} rows={rows} tenant={tenant} team={team} />
      )}

      <Pager
        page={search.page}
        pages={pages}
        href={(page) => hrefWith("/admin/appointments", queryOf(search, { page: String(page) }))}
        labels={{
          nav: t("pagination"),
          previous: t("previous"),
          next: t("next"),
          position: t("page", { page: search.page, pages }),
        }}
      />
    </section>
  );
}
