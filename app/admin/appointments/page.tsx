import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { calendarActions } from "@/app/admin/calendar-action-set";
import { OpenedAppointment } from "@/components/admin/opened-appointment";
import { StatusBadge } from "@/components/booking/status-badge";
import { LabelledField } from "@/components/ui/labelled-field";
import { Pager } from "@/components/ui/pager";
import { appointmentStatuses } from "@/db/schema";
import { adminLabels } from "@/lib/admin/form-labels";
import {
  type AppointmentSearch,
  appointmentSearchSchema,
  PAGE_SIZE,
  type SortKey,
  searchAppointments,
} from "@/lib/appointments/search-appointments";
import { can } from "@/lib/auth/authenticate";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { getDb } from "@/lib/db";
import { firstParam, hrefWith, type SearchParams } from "@/lib/http/page-params";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { pageTitle } from "@/lib/i18n/page-title";
import { paymentShort } from "@/lib/payments/describe";
import { listStaff } from "@/lib/staff/staff";
import { uuidSchema } from "@/lib/validation";

export const generateMetadata = pageTitle("admin.nav.appointments");

/** The search as query parameters, with some of them changed. */
function queryOf(
  search: AppointmentSearch,
  changes: Partial<Record<string, string | undefined>> = {},
) {
  return {
    status: search.status.join(","),
    staff: search.staff,
    from: search.from,
    to: search.to,
    q: search.q,
    sort: search.sort,
    dir: search.dir,
    page: String(search.page),
    ...changes,
  };
}

const inputClass = "mt-1 rounded-md border border-slate-300 px-2 py-1 text-sm";

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
  const [t, ts, { rows, total }, panelLabels, staff] = await Promise.all([
    getTranslations("admin.appointments"),
    getTranslations("admin.statuses"),
    searchAppointments(db, tenant, search),
    adminLabels("calendarUi"),
    listStaff(db, tenant.id),
  ]);
  const team = staff.length > 1;
  const inverted = Boolean(search.from && search.to && search.from > search.to);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const sortHeader = (key: SortKey) => {
    const active = search.sort === key;
    const dir = active && search.dir === "asc" ? "desc" : "asc";
    return (
      <th
        scope="col"
        className="px-3 py-2 text-left font-medium"
        aria-sort={active ? (search.dir === "asc" ? "ascending" : "descending") : undefined}
      >
        <Link
          className="hover:underline"
          href={hrefWith("/admin/appointments", queryOf(search, { sort: key, dir, page: "1" }))}
        >
          {t(`columns.${key}`)}
          {active ? (search.dir === "asc" ? " ↑" : " ↓") : ""}
        </Link>
      </th>
    );
  };

  return (
    <section>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <a
          href={hrefWith("/admin/appointments/export", queryOf(search, { page: undefined }))}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
          download
        >
          {t("export")}
        </a>
      </div>

      <form
        method="get"
        className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      >
        <LabelledField id="filter-q" label={t("search")}>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={search.q}
            placeholder={t("searchHint")}
            className={inputClass}
          />
        </LabelledField>
        <LabelledField id="filter-status" label={t("status")}>
          <select
            id="filter-status"
            name="status"
            defaultValue={search.status.length === 1 ? search.status[0] : ""}
            className={inputClass}
          >
            <option value="">{t("allStatuses")}</option>
            {appointmentStatuses.map((s) => (
              <option key={s} value={s}>
                {ts(s)}
              </option>
            ))}
          </select>
        </LabelledField>
        {team && (
          <LabelledField id="filter-staff" label={t("staff")}>
            <select
              id="filter-staff"
              name="staff"
              defaultValue={search.staff ?? ""}
              className={inputClass}
            >
              <option value="">{t("everyone")}</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </LabelledField>
        )}
        <LabelledField id="filter-from" label={t("from")}>
          <input
            id="filter-from"
            name="from"
            type="date"
            defaultValue={search.from}
            className={inputClass}
          />
        </LabelledField>
        <LabelledField id="filter-to" label={t("to")}>
          <input
            id="filter-to"
            name="to"
            type="date"
            defaultValue={search.to}
            className={inputClass}
          />
        </LabelledField>
        <input type="hidden" name="sort" value={search.sort} />
        <input type="hidden" name="dir" value={search.dir} />
        <button
          type="submit"
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
        >
          {t("apply")}
        </button>
        <Link href="/admin/appointments" className="py-1.5 text-sm underline">
          {t("reset")}
        </Link>
      </form>

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
            staff={staff.map(({ id, name, color, activityIds }) => ({
              id,
              name,
              color,
              activityIds,
            }))}
            canChange={can(caller.role, "appointments")}
            actions={calendarActions}
            closeHref={hrefWith("/admin/appointments", queryOf(search))}
          />
        </div>
      )}

      {rows.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">
          {t("empty")}
        </p>
      ) : (
        <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-slate-50">
              <tr>
                {sortHeader("startsAt")}
                {sortHeader("activity")}
                {sortHeader("clientName")}
                {sortHeader("status")}
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t("columns.price")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} className="border-t border-slate-100">
                  <td className="px-3 py-2 whitespace-nowrap">
                    {formatDateTime(a.startsAt, tenant.timeZone, tenant.locale)}
                  </td>
                  <td className="max-w-48 px-3 py-2 [overflow-wrap:anywhere]">
                    <span
                      aria-hidden="true"
                      className="mr-2 inline-block size-2.5 rounded-full"
                      style={{ backgroundColor: a.activityColor }}
                    />
                    {a.activityName}
                    {team && (
                      <span className="block text-xs text-slate-600">
                        {t("with", { name: a.staffName })}
                      </span>
                    )}
                  </td>
                  <td className="max-w-64 px-3 py-2 [overflow-wrap:anywhere]">
                    <Link
                      href={hrefWith("/admin/appointments", queryOf(search, { open: a.id }))}
                      scroll={false}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {a.clientName}
                    </Link>
                    <span className="block text-xs text-slate-600">
                      {a.clientEmail ?? a.clientPhone}
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge status={a.status} label={ts(a.status)} />
                  </td>
                  <td className="px-3 py-2 text-right whitespace-nowrap">
                    {formatPrice(a.priceMinor, tenant.currency, tenant.locale)}
                    {a.payment && (
                      <span className="block text-xs text-slate-600">
                        {paymentShort(a.payment.status, tenant.locale)}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
