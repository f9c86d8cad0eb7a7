import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/booking/status-badge";
import type { Tenant } from "@/db/schema";
import type {
  AppointmentSearch,
  SortKey,
  searchAppointments,
} from "@/lib/appointments/search-appointments";
import { getDb } from "@/lib/db";
import { hrefWith } from "@/lib/http/page-params";
import { formatDateTime, formatPrice, placeTime } from "@/lib/i18n/format";
import { placeZones } from "@/lib/locations/public-locations";
import { paymentShort } from "@/lib/payments/describe";
import { queryOf } from "./search-query";

type Row = Awaited<ReturnType<typeof searchAppointments>>["rows"][number];

/** One page of the list, sortable by its headers; a client's name opens the appointment. */
export async function AppointmentsTable(props: {
  search: AppointmentSearch;
  rows: Row[];
  tenant: Tenant;
  team: boolean;
}) {
  const { search, rows, tenant, team } = props;
  const [t, ts, zones] = await Promise.all([
    getTranslations("admin.appointments"),
    getTranslations("admin.statuses"),
    getDb().then((db) => placeZones(db, tenant)),
  ]);
  // At a place on another clock, its own time too ("17:00 Montréal").
  const localTime = (a: Row) =>
    placeTime(
      a.startsAt,
      zones.get(a.locationId) ?? tenant.timeZone,
      tenant.timeZone,
      tenant.locale,
    );
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
                {localTime(a) && (
                  <span className="block text-xs text-slate-600" data-testid="place-time">
                    {localTime(a)}
                  </span>
                )}
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
  );
}
