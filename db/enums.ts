// The value lists the schema's columns and constraints are written with. Their meaning lives with
// the modules that own them (lib/appointments/status.ts, lib/webhooks/event-types.ts), which
// re-export them: the database layer imports no module.

export const appointmentStatuses = [
  "pending",
  "confirmed",
  "cancelled",
  "completed",
  "no_show",
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** Statuses whose appointment holds its time: no other holding appointment may overlap it. */
export const holdingStatuses = ["pending", "confirmed"] as const satisfies AppointmentStatus[];

/**
 * The events an endpoint can subscribe to. `appointment.status_changed` comes with every change of
 * status, `appointment.cancelled` as well when the change is a cancellation.
 */
export const webhookEventTypes = [
  "appointment.created",
  "appointment.updated",
  "appointment.status_changed",
  "appointment.cancelled",
  "appointment.deleted",
  "customer.created",
  "payment.completed",
  "payment.refunded",
  "reminder.sent",
  "review.created",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Sent only to the endpoint it was asked for, from its page ("send a test event"). */
export const TEST_EVENT = "webhook.test";
export type AnyWebhookEventType = WebhookEventType | typeof TEST_EVENT;

export const apiKeyScopes = ["read", "write"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** How a service is delivered: at one of the business's places, or on video. */
export const deliveryModes = ["in_person", "online"] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

/** Whether a customer's booking is confirmed as it is made, or waits for the business. */
export const confirmOnlineBookingsValues = ["automatic", "manual"] as const;
export type ConfirmOnlineBookings = (typeof confirmOnlineBookingsValues)[number];

/** A window of a staff member's week: [dayOfWeek, startMinute, endMinute, locationId]. */
export type PlacedWindow = [number, number, number, string?];
