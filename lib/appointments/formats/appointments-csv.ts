import { stringify } from "csv-stringify/sync";
import { formatInTimeZone } from "date-fns-tz";
import type { AppointmentStatus, Tenant } from "@/db/schema";
import type { PricedAppointment } from "@/lib/appointments/search-appointments";
import { fromMinorUnits } from "@/lib/money";

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

// What a spreadsheet would run as a formula: =, -, @, tab or CR first, or + before anything but a
// phone number ("+33 1 23 45 67 89" is data, "+SUM(A1)" is not).
const FORMULA = /^(?:[=\-@\t\r]|\+(?![0-9 ().-]+$))/;
export const defused = (text: string) => (FORMULA.test(text) ? `'${text}` : text);

/**
 * Rows as CSV (RFC 4180, CRLF). French gets what French Excel opens as columns: `;` separators
 * and a UTF-8 byte order mark.
 */
export const localizedCsv = (rows: string[][], french: boolean) =>
  stringify(rows, {
    delimiter: french ? ";" : ",",
    bom: french,
    record_delimiter: "windows",
  });

const local = (instant: Date, timeZone: string) =>
  formatInTimeZone(instant, timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX");

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
      local(a.startsAt, tenant.timeZone),
      local(a.endsAt, tenant.timeZone),
      tenant.timeZone,
      a.activityName,
      a.staffName,
      labels.statuses[a.status],
      a.clientName,
      a.clientEmail ?? "",
      a.clientPhone ?? "",
      a.clientAddress ?? "",
      a.clientCustomFieldValue ?? "",
      String(fromMinorUnits(a.priceMinor, tenant.currency)).replace(".", french ? "," : "."),
      tenant.currency,
      a.createdAt.toISOString(),
    ].map(defused),
  );
  return localizedCsv([csvColumns.map((c) => labels.columns[c]), ...records], french);
}
