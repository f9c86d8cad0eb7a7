import { z } from "zod";
import { dateRangeQuerySchema, dateTimeSchema } from "@/lib/availability";
import { uuidSchema } from "@/lib/validation";

const capacitySchema = z.number().int().min(1).max(1000);

/**
 * Scheduling a class: a session of a class service (capacity > 1) with its teacher, and a room
 * when it needs one (one of its kind is picked when left out); `repeatWeeks` more sessions follow
 * on the same weekday and wall-clock time, one a week. `capacity` left out: the service's.
 */
export const classSessionInputSchema = z.object({
  activityId: uuidSchema,
  staffId: uuidSchema,
  // Where: one of the places the teacher works; left out, their home location.
  locationId: uuidSchema.nullish().transform((v) => v ?? null),
  resourceId: uuidSchema.nullish().transform((v) => v ?? null),
  startsAt: dateTimeSchema,
  capacity: capacitySchema.optional(),
  repeatWeeks: z.number().int().min(0).max(52).default(0),
  // The owner's confirmation of a session outside the teacher's, room's or place's hours (or on a
  // closed day, for a single session): refused without it.
  outsideHours: z.boolean().default(false),
});
export type ClassSessionInput = z.output<typeof classSessionInputSchema>;

/** What changes on a scheduled session: its capacity (never below a seat already booked). */
export const classSessionUpdateSchema = z.object({ capacity: capacitySchema });

/** `GET /api/classes` filters: a date range, and optionally a service, a teacher, a place. */
export const classListQuerySchema = dateRangeQuerySchema.extend({
  activityId: uuidSchema.optional(),
  staffId: uuidSchema.optional(),
  locationId: uuidSchema.optional(),
});
