import { z } from "zod";

/** Shared pieces of the input schemas. */
export const uuidSchema = z.uuid("must be a UUID");

/** Optional free text: trimmed, at most `max` characters; empty means null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);
