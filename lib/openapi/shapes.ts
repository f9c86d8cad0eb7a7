import { z } from "zod";
import { deliveryModes } from "@/db/enums";
import { paymentRules, paymentStatuses, webhookDeliveryStatuses } from "@/db/schema";
import { appointmentStatuses } from "@/lib/appointments";
import { errorStatus } from "@/lib/errors/app-error";
import { webhookEventTypes } from "@/lib/webhooks";

// What the API answers, as zod schemas for the OpenAPI document: the serializers (toAppointmentJson,
// toActivityJson, toWebhookJson…) build these objects, and tests/openapi.test.ts checks real answers
// against them, so the document cannot drift from what is sent.

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });
const named = z.object({ id, name: z.string() });

export const errorShape = z
  .object({
    error: z.string().meta({ description: "What went wrong, in the business's language" }),
    code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus]).meta({
      description: "Stable: what a program should test",
    }),
    details: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: "Each field's problem, by path (`clientInfo.email`)" }),
  })
  .meta({ id: "Error" });

export const paginationShape = z
  .object({
    hasMore: z.boolean(),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page" }),
    limit: z.number().int(),
  })
  .meta({ id: "Pagination" });

export const paymentShape = z
  .object({
    status: z.enum(paymentStatuses),
    amount: z.number(),
    refunded: z.number(),
    currency: z.string().length(3),
    checkoutUrl: z.string().nullable(),
    expiresAt: instant.nullable(),
    paidAt: instant.nullable(),
  })
  .meta({ id: "Payment", description: "What the customer pays online, and where it stands" });

export const appointmentShape = z
  .object({
    id,
    activityId: id,
    activityName: z.string(),
    activityDurationMinutes: z.number().int(),
    activityColor: z.string(),
    staff: named,
    location: named,
    resource: named.nullable(),
    classSessionId: id.nullable(),
    seat: z.number().int().nullable(),
    meetingUrl: z.string().nullable(),
    reminderMinutes: z.number().int().nullable(),
    customerId: id.nullable(),
    payment: paymentShape.nullable(),
    dateTime: instant,
    status: z.enum(appointmentStatuses),
    clientInfo: z.object({
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
      customFieldValue: z.string().nullable(),
    }),
    createdAt: instant,
  })
  .meta({ id: "Appointment" });

const activityFields = {
  id,
  name: z.string(),
  description: z.string().nullable(),
  durationMinutes: z.number().int(),
  color: z.string(),
  price: z.number().nullable(),
  requiredFields: z.object({
    phone: z.boolean(),
    address: z.boolean(),
    customField: z.boolean(),
    customFieldLabel: z.string().nullable(),
  }),
  minimumBookingNoticeHours: z.number().int(),
  bufferBeforeMinutes: z.number().int(),
  bufferAfterMinutes: z.number().int(),
  maxAdvanceDays: z.number().int().nullable(),
  onlineBooking: z.boolean(),
  resourceKind: z.string().nullable(),
  capacity: z.number().int(),
  modes: z.array(z.enum(deliveryModes)).describe("In person, on video, or either"),
  payment: z.object({
    rule: z.enum(paymentRules),
    depositAmount: z.number().nullable(),
    depositPercent: z.number().int().nullable(),
  }),
};

export const activityShape = z
  .object({
    ...activityFields,
    reminderSettings: z.object({
      enabled: z.boolean(),
      hoursBefore: z.number().int().nullable(),
    }),
  })
  .meta({ id: "Activity" });

export const publicActivityShape = z
  .object(activityFields)
  .meta({ id: "PublicActivity", description: "An activity as customers see it" });

export const webhookShape = z
  .object({
    id,
    url: z.string(),
    description: z.string(),
    events: z.array(z.enum(webhookEventTypes)),
    enabled: z.boolean(),
    disabledReason: z.enum(["owner", "gone", "failing"]).nullable(),
    failingSince: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "WebhookEndpoint" });

export const webhookWithSecretShape = webhookShape
  .extend({
    secret: z
      .string()
      .meta({ description: "The signing secret (whsec_…), shown in this answer only" }),
  })
  .meta({ id: "WebhookEndpointWithSecret" });

export const deliveryShape = z
  .object({
    id,
    eventId: id,
    eventType: z.string(),
    status: z.enum(webhookDeliveryStatuses),
    attempts: z.number().int(),
    nextAttemptAt: instant.nullable(),
    deliveredAt: instant.nullable(),
    createdAt: instant,
    tries: z.array(
      z.object({
        at: instant,
        statusCode: z.number().int().nullable(),
        durationMs: z.number().int(),
        responseBody: z.string().nullable().meta({ description: "Its first 1,024 bytes" }),
        error: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "WebhookDelivery" });

/** An object whose fields the document lists only in part (the contract's own shapes). */
const open = (fields: z.ZodRawShape, name: string, description: string) =>
  z.object(fields).catchall(z.unknown()).meta({ id: name, description });

export const staffShape = open(
  { id, name: z.string(), color: z.string(), locationId: id, activityIds: z.array(id) },
  "StaffMember",
  "A person who performs services, with their own hours when they have them",
);
export const locationShape = open(
  { id, name: z.string(), timeZone: z.string(), online: z.boolean() },
  "Location",
  "A place (or an online room) with its address, contact and hours",
);
export const resourceShape = open(
  { id, name: z.string(), kind: z.string(), locationId: id },
  "Resource",
  "A room or a chair a service needs",
);
export const classSessionShape = open(
  { id, activityId: id, capacity: z.number().int() },
  "ClassSession",
  "A scheduled class with its seats",
);
export const availabilityShape = open(
  { weeklySlots: z.array(z.unknown()), exceptions: z.array(z.unknown()) },
  "Availability",
  "Weekly hours and closed days",
);

export const customerShape = z
  .object({
    id,
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    notes: z.string().meta({ description: "The business's own, never shown to the customer" }),
    tags: z.array(z.string()),
    stats: z.object({
      bookings: z.number().int().meta({ description: "Not cancelled" }),
      noShows: z.number().int(),
      totalSpent: z.number().meta({
        description: "Completed bookings at their service's price, plus online payments kept",
      }),
      currency: z.string().length(3),
      lastVisitAt: instant.nullable(),
    }),
    marketingOptInAt: instant
      .nullable()
      .meta({ description: "When they last opted in to the business's news on the booking form" }),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "Customer", description: "One per e-mail address, made or matched by a booking" });

export const profileShape = z
  .object({
    id,
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    locale: z.enum(["fr", "en"]).nullable().meta({ description: "null: the business's" }),
    timeZone: z.string().nullable().meta({ description: "null: each place's own" }),
    marketingConsent: z.boolean(),
    marketingConsentAt: instant
      .nullable()
      .meta({ description: "When it was last given or withdrawn (account or booking form)" }),
    privacyNoticeAcceptedAt: instant
      .nullable()
      .meta({ description: "When they last accepted the business's privacy notice on booking" }),
    reminderMinutes: z
      .union([z.literal(60), z.literal(120), z.literal(1440), z.literal(2880)])
      .nullable()
      .meta({ description: "Their reminder's lead; null: each service's own" }),
    createdAt: instant,
  })
  .meta({ id: "CustomerProfile", description: "A customer's own view of their record" });

export const myPaymentShape = z
  .object({
    id,
    appointmentId: id,
    activityName: z.string(),
    appointmentDateTime: instant,
    kind: z.enum(["full", "deposit"]),
    amount: z.number(),
    refunded: z.number(),
    currency: z.string().length(3),
    status: z.enum(["pending", "paid", "partially_refunded", "refunded", "expired", "failed"]),
    paidAt: instant.nullable(),
    hasReceipt: z.boolean(),
  })
  .meta({ id: "CustomerPayment", description: "A customer's online payment, as they see it" });

export const reviewShape = z
  .object({
    id,
    rating: z.number().int().min(1).max(5),
    comment: z.string().nullable().meta({ description: "Plain text, up to 1,000 characters" }),
    author: z.string().meta({ description: 'First name and initial: "Inès M."' }),
    activityId: id,
    staffId: id,
    reply: z.string().nullable(),
    repliedAt: instant.nullable(),
    createdAt: instant,
  })
  .meta({ id: "Review", description: "A customer's rating of a completed appointment" });

export const businessReviewShape = reviewShape
  .extend({
    appointmentId: id,
    hidden: z.boolean(),
    hiddenReason: z.string().nullable(),
    hiddenAt: instant.nullable(),
  })
  .meta({ id: "BusinessReview", description: "A review as its business sees it" });

/** The body of each event sent to a webhook endpoint (the Standard Webhooks envelope). */
export const webhookPayloadShape = z
  .object({
    id: id.meta({ description: "The event's id: also the webhook-id header, the same on a retry" }),
    type: z.enum(webhookEventTypes),
    timestamp: instant.meta({ description: "When it happened" }),
    data: z.union([
      z.object({ appointment: appointmentShape }),
      z.object({ customer: customerShape }),
      z.object({ review: businessReviewShape }),
    ]),
    tenant: z.object({ id, slug: z.string() }),
  })
  .meta({ id: "WebhookEvent" });

export const registrationShape = z
  .object({
    business: z.object({
      id,
      slug: z.string(),
      name: z.string(),
      timeZone: z.string(),
      locale: z.enum(["fr", "en"]),
      confirmed: z.boolean().meta({ description: "False until the owner confirms their e-mail" }),
    }),
    owner: z.object({ id, email: z.string(), name: z.string(), role: z.literal("owner") }),
    links: z.object({ bookingPage: z.string(), dashboard: z.string() }),
  })
  .meta({ id: "Registration" });

export const slugAnswerShape = z
  .object({
    slug: z.string(),
    available: z.boolean(),
    problem: z.enum(["taken", "invalid"]).optional(),
  })
  .meta({ id: "SlugAnswer" });
