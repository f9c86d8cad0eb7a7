// The webhook events, listed with the schema that stores them.
export {
  type AnyWebhookEventType,
  TEST_EVENT,
  type WebhookEventType,
  webhookEventTypes,
} from "@/db/enums";
