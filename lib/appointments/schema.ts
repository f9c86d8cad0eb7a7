import { z } from "zod";
import { deliveryModes } from "@/db/enums";
import { appointmentStatuses } from "@/db/schema";
import { dateRangeQuerySchema, dateTimeSchema } from "@/lib/availability";
import { cursorSchema, pageLimitSchema } from "@/lib/http/cursor";
import {
  emailSchema,
  optionalEmailSchema,
  optionalPhoneSchema,
  optionalText,
  requiredText,
  uuidSchema,
} from "@/lib/validation";

/**
 * `staffId` and `locationId` on the slots query and the booking body: one person or place, or
 * anyone who performs it, anywhere.
 */
const choiceSchema = uuidSchema.nullish().transform((v) => v ?? null);

/** `mode`: in person or on video, for a service delivered both ways; left out, as it usually is. */
export const modeSchema = z
  .enum(deliveryModes)
  .nullish()
  .transform((v) => v ?? null);

export const clientInfoSchema = z.object({
  name: requiredText(200),
  email: emailSchema,
  phone: optionalPhoneSchema,
  address: optionalText(500),
  customFieldValue: optionalText(1000),
});
export type ClientInfo = z.output<typeof clientInfoSchema>;

export const bookingSchema = z.object({
  activityId: uuidSchema,
  // Additive: one staff member, one location; left out, anyone who performs it and is free.
  staffId: choiceSchema,
  locationId: choiceSchema,
  mode: modeSchema,
  dateTime: dateTimeSchema,
  clientInfo: clientInfoSchema,
  // Additive (Zapini's reminder_minutes): this booking's reminder, in place of its activity's.
  reminderMinutes: z
    .number()
    .int()
    .min(0)
    .max(10_080)
    .nullish()
    .transform((v) => v ?? null),
  // Additive: what the customer agreed to on the booking form (see consentTimes).
  consent: z
    .object({ privacyNotice: z.boolean().optional(), marketing: z.boolean().optional() })
    .optional()
    .transform((v) => ({
      privacyNotice: v?.privacyNotice ?? false,
      marketing: v?.marketing ?? false,
    })),
});

/**
 * A visit (`POST /api/visits`): several services back to back from `dateTime`, in order, each with
 * someone chosen or anyone, at one place; the contract's booking fields otherwise.
 */
export const visitSchema = bookingSchema
  .omit({ activityId: true, staffId: true, mode: true })
  .extend({
    items: z
      .array(z.object({ activityId: uuidSchema, staffId: choiceSchema }))
      .min(1)
      .max(5),
  });
export type VisitInput = z.output<typeof visitSchema>;

/** `GET /api/visits/slots`: the services in order (`activityIds=a,b`), one person or anyone. */
export const visitSlotsQuerySchema = dateRangeQuerySchema.extend({
  activityIds: z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(z.array(uuidSchema).min(1).max(5)),
  staffId: choiceSchema,
  locationId: choiceSchema,
});

/**
 * A booking the business takes itself (a walk-in, a call): the client may give only a name and a
 * phone, so the e-mail address is optional. Customers booking online always leave one.
 */
export const businessBookingSchema = bookingSchema.extend({
  clientInfo: clientInfoSchema.extend({ email: optionalEmailSchema }),
});
export type BookingInput = z.output<typeof businessBookingSchema>;

export const statusSchema = z.enum(appointmentStatuses);

export const statusChangeSchema = z.object({ status: statusSchema });

export const slotsQuerySchema = dateRangeQuerySchema.extend({
  activityId: uuidSchema,
  staffId: choiceSchema,
  locationId: choiceSchema,
  mode: modeSchema,
});

/** `GET /api/appointments` filters: any of the statuses (comma-separated) and a date range. */
export const appointmentListQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()) : undefined))
    .pipe(z.array(statusSchema).optional()),
  startDate: dateRangeQuerySchema.shape.startDate.optional(),
  endDate: dateRangeQuerySchema.shape.endDate.optional(),
  // Additive: narrower lists, and pages (a caller who sends neither limit nor cursor gets them all).
  activityId: uuidSchema.optional(),
  staffId: uuidSchema.optional(),
  customerId: uuidSchema.optional(),
  limit: pageLimitSchema.optional(),
  cursor: cursorSchema.optional(),
  // By start time (or by when they were booked), earliest first unless told otherwise.
  sort: z.enum(["dateTime", "createdAt"]).default("dateTime"),
  order: z.enum(["asc", "desc"]).default("asc"),
});
