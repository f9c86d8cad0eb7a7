import { z } from "zod";
import { uuidSchema } from "@/lib/validation";

/**
 * The services of a visit named in a page's query: `?services=a,b` or, from the business page's
 * form, `?services=a&services=b`, in order; none when the query names none validly.
 */
export function visitServicesOf(value: string | string[] | undefined): string[] {
  const ids = (Array.isArray(value) ? value : [value ?? ""]).flatMap((v) => v.split(","));
  const parsed = z.array(uuidSchema).min(2).max(5).safeParse(ids.filter(Boolean));
  return parsed.success && new Set(parsed.data).size === parsed.data.length ? parsed.data : [];
}
