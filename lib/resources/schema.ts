import { z } from "zod";
import { exceptionsSchema, weeklySlotsSchema } from "@/lib/availability";
import { requiredText, uuidSchema } from "@/lib/validation";

/** What kind of resource it is ("Treatment room"): services name the kind they need. */
export const resourceKindSchema = requiredText(80);

/**
 * A resource, as the API sends it. `weeklySlots: null` (the default) means the location's hours;
 * `exceptions` are days it is out of use, on top of the location's closed days.
 */
export const resourceInputSchema = z.object({
  name: requiredText(120),
  kind: resourceKindSchema,
  // Left out: the business's first location (a new resource), or where it is (an existing one).
  locationId: uuidSchema.optional(),
  weeklySlots: weeklySlotsSchema.nullish().transform((v) => v ?? null),
  exceptions: exceptionsSchema.default([]),
});
export type ResourceInput = z.output<typeof resourceInputSchema>;
