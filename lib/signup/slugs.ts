import slugify from "@sindresorhus/slugify";
import { inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { tenants } from "@/db/schema";
import { slugSchema } from "@/lib/tenants";

export interface SlugAnswer {
  slug: string;
  available: boolean;
  /** Why it cannot be had: taken by another business, or not a valid address. */
  problem?: "taken" | "invalid";
}

const MAX = 40;

/** A business name as an address: "Salon Éloïse & Co" → "salon-eloise-co", at most 40 characters. */
const slugFromName = (name: string) =>
  slugify(name, { lowercase: true }).slice(0, MAX).replace(/-+$/, "");

/** Whether a slug the visitor typed can be theirs. */
export async function checkSlug(db: Database, typed: string): Promise<SlugAnswer> {
  const parsed = slugSchema.safeParse(typed);
  if (!parsed.success) return { slug: typed, available: false, problem: "invalid" };
  const taken = await takenAmong(db, [parsed.data]);
  return taken.has(parsed.data)
    ? { slug: parsed.data, available: false, problem: "taken" }
    : { slug: parsed.data, available: true };
}

/**
 * The address proposed for a business name: the name's own slug if free, else the first free of
 * "name-2" to "name-9" (a reserved name such as "admin" also moves on); taken when none is.
 */
export async function proposeSlug(db: Database, name: string): Promise<SlugAnswer> {
  const base = slugFromName(name);
  if (!base) return { slug: base, available: false, problem: "invalid" };
  const candidates = [
    base,
    ...Array.from({ length: 8 }, (_, i) => `${base.slice(0, MAX - 2)}-${i + 2}`),
  ];
  const taken = await takenAmong(db, candidates);
  const free = candidates.find((slug) => !taken.has(slug) && slugSchema.safeParse(slug).success);
  return free
    ? { slug: free, available: true }
    : { slug: base, available: false, problem: "taken" };
}

async function takenAmong(db: Database, slugs: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ slug: tenants.slug })
    .from(tenants)
    .where(inArray(tenants.slug, slugs));
  return new Set(rows.map((r) => r.slug));
}
