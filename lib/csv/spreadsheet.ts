import { stringify } from "csv-stringify/sync";
import { formatInTimeZone } from "date-fns-tz";

// Every CSV export (appointments, statistics, revenue) is written here, for the spreadsheets that
// open them: the same separators, byte order mark, numbers and formula defusing for all.

// What a spreadsheet would run as a formula: =, -, @, tab or CR first, or + before anything but a
// phone number ("+33 1 23 45 67 89" is data, "+SUM(A1)" is not).
const FORMULA = /^(?:[=\-@\t\r]|\+(?![0-9 ().-]+$))/;

/** A text a spreadsheet shows as written, never runs. */
export const defused = (text: string) => (FORMULA.test(text) ? `'${text}` : text);

/** A plain number, with the decimal comma French spreadsheets read as a number. */
export const spreadsheetNumber = (n: number, french: boolean) =>
  french ? String(n).replace(".", ",") : String(n);

/** An instant as the business's wall-clock time with its offset ("2026-12-08T10:00:00+01:00"). */
export const spreadsheetTime = (instant: Date, timeZone: string) =>
  formatInTimeZone(instant, timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX");

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
