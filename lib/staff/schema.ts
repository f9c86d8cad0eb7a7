import { z } from "zod";
import { exceptionsSchema, placedWeeklySlotsSchema } from "@/lib/availability";
import { hexColor, requiredText, uuidSchema } from "@/lib/validation";

/**
 * A staff member, as the API and the Team page send it. `weeklySlots: null` (the default) means
 * they work the opening hours of their location; each window may name another place they work; their `exceptions` are days off on top of the
 * business's closed days. `activityIds` left out: every live service.
 */
export const staffInputSchema = z.object({
  name: requiredText(120),
  // Left out: a new staff member takes the first colour nobody has, an existing one keeps theirs.
  color: hexColor.optional(),
  userId: uuidSchema.nullish().transform((v) => v ?? null),
  activityIds: z.array(uuidSchema).max(500).optional(),
  // Left out: the business's first location (a new member), or where they are (an existing one).
  locationId: uuidSchema.optional(),
  weeklySlots: placedWeeklySlotsSchema.nullish().transform((v) => v ?? null),
  exceptions: exceptionsSchema.default([]),
});
export type StaffInput = z.output<typeof staffInputSchema>;
