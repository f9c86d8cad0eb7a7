import { z } from "zod";
import { dateRangeQuerySchema } from "@/lib/availability";
import { cursorSchema, DEFAULT_PAGE_LIMIT, pageLimitSchema } from "@/lib/http/cursor";
import { optionalPhoneSchema, requiredText, text } from "@/lib/validation";

/** The customers list's query: a search, a creation range, a page. */
export const customerListQuerySchema = z.object({
  search: text().trim().max(200).optional(),
  // Days in the business's zone (or date-times), both ends included.
  createdFrom: dateRangeQuerySchema.shape.startDate.optional(),
  createdTo: dateRangeQuerySchema.shape.endDate.optional(),
  limit: pageLimitSchema.optional().default(DEFAULT_PAGE_LIMIT),
  cursor: cursorSchema.optional(),
  // By creation, newest first unless told otherwise.
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type CustomerListQuery = z.output<typeof customerListQuerySchema>;

const tagSchema = text().trim().min(1, "required").max(40);

/** What the business keeps about a customer; what is left out is kept. */
export const customerUpdateSchema = z.object({
  name: requiredText(200).optional(),
  phone: optionalPhoneSchema.optional(),
  notes: text().max(5000).optional(),
  tags: z
    .array(tagSchema)
    .max(20)
    .optional()
    .transform((tags) => tags && [...new Set(tags)]),
});
export type CustomerUpdate = z.output<typeof customerUpdateSchema>;
