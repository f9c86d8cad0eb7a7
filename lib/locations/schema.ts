import { z } from "zod";
import { exceptionsSchema, weeklySlotsSchema } from "@/lib/availability";
import { isTimeZone } from "@/lib/i18n/time-zones";
import {
  optionalEmailSchema,
  optionalPhoneSchema,
  optionalText,
  requiredText,
  text,
} from "@/lib/validation";

/** An https address under which meeting rooms are made ("https://meet.jit.si"); empty: none. */
const meetingBaseUrl = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  text()
    .trim()
    .max(200)
    .refine((v) => URL.canParse(v) && new URL(v).protocol === "https:", "httpsUrl")
    .transform((v) => v.replace(/\/+$/, ""))
    .nullish()
    .transform((v) => v ?? null),
);

/**
 * A location, as the API sends it. Left out or null, the time zone, address, contact and week are
 * the business's own; `exceptions` are closed days on top of the business's.
 */
export const locationInputSchema = z.object({
  name: requiredText(120),
  address: optionalText(300),
  contactEmail: optionalEmailSchema,
  contactPhone: optionalPhoneSchema,
  timeZone: text()
    .trim()
    .refine(isTimeZone, "timeZone")
    .nullish()
    .transform((v) => v || null),
  online: z.boolean().default(false),
  meetingBaseUrl,
  weeklySlots: weeklySlotsSchema.nullish().transform((v) => v ?? null),
  exceptions: exceptionsSchema.default([]),
});
export type LocationInput = z.output<typeof locationInputSchema>;
