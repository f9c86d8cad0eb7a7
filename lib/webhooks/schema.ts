import { z } from "zod";
import { cursorSchema, DEFAULT_PAGE_LIMIT, pageLimitSchema } from "@/lib/http/cursor";
import { text } from "@/lib/validation";
import { webhookEventTypes } from "./event-types";

const urlSchema = text()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: "httpUrl" }));

const eventsSchema = z
  .array(z.enum(webhookEventTypes))
  .refine((events) => events.length > 0, {
    message: "oneEvent",
    params: { problem: "required" },
  })
  .transform((events) => [...new Set(events)]);

/** A new endpoint: where, for what. */
export const webhookCreateSchema = z.object({
  url: urlSchema,
  description: text().trim().max(200).optional().default(""),
  events: eventsSchema,
  enabled: z.boolean().optional().default(true),
});
export type WebhookCreateInput = z.output<typeof webhookCreateSchema>;

/** A change to an endpoint: what is left out is kept. */
export const webhookUpdateSchema = z.object({
  url: urlSchema.optional(),
  description: text().trim().max(200).optional(),
  events: eventsSchema.optional(),
  enabled: z.boolean().optional(),
});
export type WebhookUpdateInput = z.output<typeof webhookUpdateSchema>;

/** The log's query: a page of deliveries, latest first. */
export const deliveryListQuerySchema = z.object({
  limit: pageLimitSchema.optional().default(DEFAULT_PAGE_LIMIT),
  cursor: cursorSchema.optional(),
});
