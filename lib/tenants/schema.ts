import { z } from "zod";
import { locales } from "@/lib/i18n/locales";
import { isTimeZone } from "@/lib/i18n/time-zones";
import { optionalText, requiredText } from "@/lib/validation";

// Host names the platform keeps for itself, so no business can claim them as a subdomain.
const reservedSlugs = new Set(["www", "api", "admin", "app", "mail", "static", "assets"]);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "slugInvalid")
  .refine((slug) => !reservedSlugs.has(slug), "reserved");

export const timeZoneSchema = z
  .string()
  .trim()
  .refine(isTimeZone, {
    message: "timeZone",
    params: { problem: "timeZone" },
  });

export const tenantProfileSchema = z.object({
  slug: slugSchema,
  name: requiredText(120),
  timeZone: timeZoneSchema,
  locale: z.enum(locales),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => /^[A-Z]{3}$/.test(v), {
      message: "currency",
      params: { problem: "currency" },
    })
    .default("EUR"),
  address: optionalText(300),
});
