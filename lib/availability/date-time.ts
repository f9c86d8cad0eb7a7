import { fromZonedTime } from "date-fns-tz";
import { z } from "zod";
import { isSupportedYear, SUPPORTED_YEARS } from "@/lib/scheduling/calendar-day";

const withOffset = z.iso.datetime({ offset: true });
const withoutOffset = z.iso.datetime({ local: true });

/** An ISO 8601 date-time, with or without an offset, in the supported years. */
export const dateTimeSchema = z
  .string()
  .trim()
  .refine((v) => withOffset.safeParse(v).success || withoutOffset.safeParse(v).success, "dateTime")
  .refine((v) => isSupportedYear(Number(v.slice(0, 4))), {
    message: "supportedYears",
    params: SUPPORTED_YEARS,
  });

/**
 * Epoch milliseconds of an ISO 8601 date-time: with an offset (or Z) it is that instant; without
 * one it is a wall-clock time in `timeZone` (the caller's to choose: where the booking happens).
 */
export const toInstant = (value: string, timeZone: string): number =>
  withOffset.safeParse(value).success
    ? Date.parse(value)
    : fromZonedTime(value, timeZone).getTime();
