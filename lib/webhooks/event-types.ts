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
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Sent only to the endpoint it was asked for, from its page ("send a test event"). */
export const TEST_EVENT = "webhook.test";
export type AnyWebhookEventType = WebhookEventType | typeof TEST_EVENT;
