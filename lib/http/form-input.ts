import { parseWithZod } from "@conform-to/zod/v4";
import { configureCoercion } from "@conform-to/zod/v4/future";
import { type output, ZodError, type ZodType, z } from "zod";
import type { $ZodIssue } from "zod/v4/core";

// Every server action reads its form here, with conform, against a schema of what the form posts:
// an empty field is absent (the schema's default says what that means), a ticked box is `true`,
// numbers come typed (a French decimal comma too), repeated names are arrays. A form that does not
// fit throws the schema's ZodError, which actions answer as field problems like any other.

const { coerceFormValue } = configureCoercion({
  type: {
    number: (text) => (text.trim() ? Number(text.trim().replace(",", ".")) : Number.NaN),
  },
});

/** The form's fields as `schema` types them. */
export function readForm<S extends ZodType>(form: FormData, schema: S): output<S> {
  const submission = parseWithZod(form, {
    schema: coerceFormValue(schema),
    disableAutoCoercion: true,
    formatError: (issues: $ZodIssue[]) => issues,
  });
  if (submission.status === "success") return submission.value as output<S>;
  throw new ZodError(Object.values(submission.error ?? {}).flatMap((issues) => issues ?? []));
}

/** A text field: what was typed, or "" when left empty. */
export const typed = () => z.string().default("");

/** A checkbox: ticked or not. */
export const ticked = () => z.boolean().default(false);

/**
 * What was typed in each field, by its full name ("payment.rule"), to show the form again as it
 * was sent: "" for a field left out, or not text.
 */
export function formText<F extends string>(form: FormData, fields: readonly F[]) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return Object.fromEntries(fields.map((f) => [f, text(f)])) as Record<F, string>;
}
