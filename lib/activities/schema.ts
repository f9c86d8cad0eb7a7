import { z } from "zod";
import { deliveryModes } from "@/db/enums";
import { paymentRules } from "@/db/schema";
import { resourceKindSchema } from "@/lib/resources";
import { hexColor, optionalText, requiredText, uuidSchema } from "@/lib/validation";

/** The contract's activity body (POST and PUT), plus the optional scheduling fields of the peers. */
export const activityInputSchema = z
  .object({
    name: requiredText(120),
    description: optionalText(2000),
    durationMinutes: z.number().int("wholeMinutes").min(5).max(1440),
    // Beyond name and duration, a field left out takes the value a new activity would have.
    color: hexColor.default("#2563eb"),
    price: z.number().min(0).max(1_000_000).default(0),
    requiredFields: z
      .object({
        phone: z.boolean().default(false),
        address: z.boolean().default(false),
        customField: z.boolean().default(false),
        customFieldLabel: optionalText(120),
      })
      .default({ phone: false, address: false, customField: false, customFieldLabel: null }),
    reminderSettings: z
      .object({
        enabled: z.boolean(),
        hoursBefore: z.number().int().min(1).max(720).nullish(),
      })
      .default({ enabled: false, hoursBefore: null }),
    minimumBookingNoticeHours: z.number().int("wholeHours").min(0).max(8760).default(0),
    bufferBeforeMinutes: z.number().int().min(0).max(720).optional(),
    bufferAfterMinutes: z.number().int().min(0).max(720).optional(),
    maxAdvanceDays: z.number().int().min(1).max(730).optional(),
    // false hides the service from customers (public pages and API); the business still books it.
    onlineBooking: z.boolean().optional(),
    // Booking it also takes a free resource of this kind ("Treatment room"); null: none.
    resourceKind: resourceKindSchema.nullish(),
    // How it is delivered: ["in_person"], ["online"] or both (the customer chooses); left out: as
    // it is (in person for a new one).
    modes: z
      .array(z.enum(deliveryModes))
      .min(1)
      .max(2)
      .transform((modes) => deliveryModes.filter((m) => modes.includes(m)))
      .optional(),
    // More than 1: a class, booked by the seat in sessions scheduled at /api/classes.
    capacity: z.number().int().min(1).max(1000).optional(),
    // Paid online at booking: nothing (at the venue), the price, or a deposit; left out: as it is.
    payment: z
      .object({
        rule: z.enum(paymentRules),
        depositAmount: z.number().gt(0).max(1_000_000).nullish(),
        depositPercent: z.number().int().min(1).max(100).nullish(),
      })
      .optional(),
  })
  .superRefine((value, ctx) => {
    // Zod runs this even when fields failed, so any of them may be missing or of the wrong type.
    const payment = value.payment;
    if (payment?.rule === "deposit" && !payment.depositAmount === !payment.depositPercent) {
      ctx.addIssue({
        code: "custom",
        path: ["payment", "depositAmount"],
        message: "depositOneOf",
        params: { problem: payment.depositAmount ? "invalid" : "required" },
      });
    }
    if (
      payment?.rule === "deposit" &&
      typeof value.price === "number" &&
      (payment.depositAmount ?? 0) > value.price
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["payment", "depositAmount"],
        message: "depositOverPrice",
      });
    }
    if (
      payment &&
      payment.rule !== "none" &&
      !(typeof value.price === "number" && value.price > 0)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["price"],
        message: "paidNeedsPrice",
      });
    }
    if (value.requiredFields?.customField === true && !value.requiredFields.customFieldLabel) {
      ctx.addIssue({
        code: "custom",
        path: ["requiredFields", "customFieldLabel"],
        message: "customFieldLabel",
      });
    }
    if (value.reminderSettings?.enabled === true && !value.reminderSettings.hoursBefore) {
      ctx.addIssue({
        code: "custom",
        path: ["reminderSettings", "hoursBefore"],
        message: "reminderHours",
      });
    }
  });
export type ActivityInput = z.output<typeof activityInputSchema>;

/** `?ids=a,b,c` of the public list. */
export const activityIdsSchema = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean)
      : undefined,
  )
  .pipe(z.array(uuidSchema).max(100).optional());
