import { z } from "zod";
import { isCalendarDay } from "@/lib/scheduling/calendar-day";
import { isClockTime, parseClockTime } from "@/lib/scheduling/clock-time";
import { weeklyHoursProblems } from "@/lib/scheduling/weekly-hours";
import { optionalText, uuidSchema } from "@/lib/validation";

const clockTime = z.string().refine(isClockTime, "clockTime");

/** A day as YYYY-MM-DD, or an ISO 8601 date-time whose date part is taken. */
const exceptionDate = z
  .string()
  .trim()
  .transform((v) => (/^\d{4}-\d{2}-\d{2}T/.test(v) ? v.slice(0, 10) : v))
  .refine(isCalendarDay, "date");

const windowSchema = z.object({
  dayOfWeek: z.number().int().min(0, "0 is Sunday").max(6, "6 is Saturday"),
  startTime: clockTime,
  endTime: clockTime,
});

/** A week of windows: none inverted, none overlapping another of the same day at the same place. */
const weekOf = <T extends typeof windowSchema>(window: T) =>
  z
    .array(window)
    .max(100)
    .superRefine((slots, ctx) => {
      // Zod runs this even when fields failed: windows with bad fields are already reported.
      const windows = slots.map((s: z.output<typeof windowSchema> & { locationId?: string }) =>
        isClockTime(s.startTime) && isClockTime(s.endTime)
          ? {
              dayOfWeek: s.dayOfWeek,
              startMinute: parseClockTime(s.startTime),
              endMinute: parseClockTime(s.endTime),
              place: s.locationId,
            }
          : { dayOfWeek: -1, startMinute: 0, endMinute: 1 },
      );
      for (const [i, { kind, ...values }] of weeklyHoursProblems(windows)) {
        ctx.addIssue({ code: "custom", path: [i, "endTime"], message: kind, params: values });
      }
    });

export const weeklySlotsSchema = weekOf(windowSchema);

/**
 * A staff member's week: each window at one of the business's places (`locationId`, in that
 * place's time zone; left out, their home location).
 */
export const placedWeeklySlotsSchema = weekOf(
  windowSchema.extend({ locationId: uuidSchema.optional() }),
);

/** Closed days, each listed once. */
export const exceptionsSchema = z
  .array(z.object({ date: exceptionDate, reason: optionalText(200) }))
  .max(1000)
  .superRefine((exceptions, ctx) => {
    const seen = new Set<string>();
    exceptions.forEach((e, i) => {
      if (seen.has(e.date)) {
        ctx.addIssue({ code: "custom", path: [i, "date"], message: "listedTwice" });
      }
      seen.add(e.date);
    });
  });

export const availabilityInputSchema = z.object({
  weeklySlots: weeklySlotsSchema,
  exceptions: exceptionsSchema.default([]),
});
export type AvailabilityInput = z.output<typeof availabilityInputSchema>;
