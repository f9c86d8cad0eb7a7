import { z } from "zod";

/** Shared pieces of the input schemas. */
export const uuidSchema = z.uuid("uuid");

// C0 controls and DEL, except tab, line feed and carriage return (forms send CRLF newlines).
// PostgreSQL refuses NUL in text, and the others only ever arrive from attacks or broken clients.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Whether a string may be stored as it is: no control characters, no unpaired surrogates. */
export const isStorableText = (value: string) =>
  !CONTROL_CHARACTER.test(value) && value.isWellFormed();

/**
 * Text as stored, byte for byte: control characters (but tab and newlines) are refused rather than
 * stripped, and so are unpaired surrogates, which PostgreSQL would silently store as U+FFFD.
 */
export const text = () =>
  z
    .string()
    .refine((v) => !CONTROL_CHARACTER.test(v), "controlCharacters")
    .refine((v) => v.isWellFormed(), "unpairedSurrogates");

/** Required free text: trimmed, 1 to `max` characters. */
export const requiredText = (max: number) => text().trim().min(1, "required").max(max);

/** Optional free text: trimmed, at most `max` characters; empty means null. */
export const optionalText = (max: number) =>
  text()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

/** An email address, trimmed and lower-cased. */
export const emailSchema = text().trim().toLowerCase().pipe(z.email("email").max(320));

/** An optional email address: empty means null. */
export const optionalEmailSchema = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  emailSchema.nullish().transform((v) => v ?? null),
);

/** An optional phone number: digits with the usual separators, an optional leading +. */
export const optionalPhoneSchema = optionalText(40).refine(
  (v) => v === null || /^\+?[0-9 ().-]{6,40}$/.test(v),
  { message: "phone", params: { problem: "phone" } },
);

/** A colour as #rgb or #rrggbb. */
export const hexColor = z
  .string()
  .trim()
  .refine((v) => /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(v), {
    message: "color",
    params: { problem: "color" },
  });
