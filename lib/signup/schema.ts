import { z } from "zod";
import { confirmOnlineBookingsValues } from "@/db/enums";
import { locales } from "@/lib/i18n/locales";
import { slugSchema, timeZoneSchema } from "@/lib/tenants";
import { passwordSchema } from "@/lib/users";
import { emailSchema, requiredText } from "@/lib/validation";

/** A business signing itself up: the web form and `POST /api/public/register` take the same. */
export const registerSchema = z.object({
  businessName: requiredText(120),
  ownerName: requiredText(120),
  email: emailSchema,
  password: passwordSchema,
  timeZone: timeZoneSchema,
  locale: z.enum(locales),
  // Left out: proposed from the business's name (its first free variant).
  slug: slugSchema.optional(),
  // How customers' bookings are confirmed; left out: by the business (the contract's pending).
  confirmOnlineBookings: z.enum(confirmOnlineBookingsValues).optional(),
  // The honeypot: a field people never see, so never fill; form-filling robots do.
  website: z.string().max(0, "leftEmpty").optional(),
});
export type RegisterInput = z.input<typeof registerSchema>;

/** `GET /api/public/slugs`: an address to check, or a business name to propose one for. */
export const slugQuerySchema = z
  .object({ slug: z.string().max(100).optional(), name: z.string().max(120).optional() })
  .refine((q) => q.slug !== undefined || q.name !== undefined, "slugOrName");
