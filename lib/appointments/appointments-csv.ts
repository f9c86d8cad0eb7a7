import { formatInTimeZone } from "date-fns-tz";
import type { Tenant } from "@/db/schema";
import { fromMinorUnits } from "@/lib/activities/money";
import type { PricedAppointment } from "./search-appointments";

const header = [
  "id",
  "start",
  "end",
  "time_zone",
  "activity",
  "status",
  "client_name",
  "client_email",
  "client_phone",
  "client_address",
  "custom_field",
  "price",
  "currency",
  "created_at",
];

/**
 * A cell as RFC 4180 wants it, and defused: a value a spreadsheet would run as a formula
 * (=, +, -, @ first) gets a leading apostrophe.
 */
function cell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const local = (instant: Date, timeZone: string) =>
  formatInTimeZone(instant, timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX");

/** The rows as CSV, times in the business's zone with their offset, prices in major units. */
export function appointmentsCsv(tenant: Tenant, rows: PricedAppointment[]): string {
  const lines = rows.map((a) =>
    [
      a.id,
      local(a.startsAt, tenant.timeZone),
      local(a.endsAt, tenant.timeZone),
      tenant.timeZone,
      a.activityName,
      a.status,
      a.clientName,
      a.clientEmail,
      a.clientPhone,
      a.clientAddress,
      a.clientCustomFieldValue,
      fromMinorUnits(a.priceMinor, tenant.currency),
      tenant.currency,
      a.createdAt.toISOString(),
    ]
      .map(cell)
      .join(","),
  );
  return `${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
