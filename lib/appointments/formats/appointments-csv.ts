import type { AppointmentStatus, Tenant } from "@/db/schema";
import type { PricedAppointment } from "@/lib/appointments/search-appointments";
import { defused, localizedCsv, spreadsheetNumber, spreadsheetTime } from "@/lib/csv/spreadsheet";
import { fromMinorUnits } from "@/lib/i18n/money";

export const csvColumns = [
  "id",
  "start",
  "end",
  "timeZone",
  "activity",
  "staff",
  "status",
  "clientName",
  "clientEmail",
  "clientPhone",
  "clientAddress",
  "customField",
  "price",
  "currency",
  "createdAt",
] as const;
type Column = (typeof csvColumns)[number];

/** The export's words in the business's language: column headers and status names. */
export interface CsvLabels {
  columns: Record<Column, string>;
  statuses: Record<AppointmentStatus, string>;
}

/**
 * The rows as CSV (RFC 4180, CRLF), times in the business's zone with their offset, prices in
 * major units, headers and statuses in its language. French gets what French Excel opens as
 * columns: `;` separators and a UTF-8 byte order mark.
 */
export function appointmentsCsv(
  tenant: Tenant,
  rows: PricedAppointment[],
  labels: CsvLabels,
): string {
  const french = tenant.locale === "fr";
  const records = rows.map((a) =>
    [
      a.id,
      spreadsheetTime(a.startsAt, tenant.timeZone),
      spreadsheetTime(a.endsAt, tenant.timeZone),
      tenant.timeZone,
      a.activityName,
      a.staffName,
      labels.statuses[a.status],
      a.clientName,
      a.clientEmail ?? "",
      a.clientPhone ?? "",
      a.clientAddress ?? "",
      a.clientCustomFieldValue ?? "",
      spreadsheetNumber(fromMinorUnits(a.priceMinor, tenant.currency), french),
      tenant.currency,
      a.createdAt.toISOString(),
    ].map(defused),
  );
  return localizedCsv([csvColumns.map((c) => labels.columns[c]), ...records], french);
}
