import type { ZodError } from "zod";

// What is wrong with a form field, independent of language: the API's `details` keep zod's
// English sentences, forms say the same thing in the business's or visitor's language.

export const problemKinds = [
  "required",
  "tooLong",
  "tooShort",
  "tooSmall",
  "tooBig",
  "number",
  "wholeNumber",
  "email",
  "phone",
  "timeZone",
  "currency",
  "color",
  "taken",
  "wrongPassword",
  "weakPassword",
  "slugInvalid",
  "mustAccept",
  "invalid",
] as const;
export type ProblemKind = (typeof problemKinds)[number];

export interface FieldProblem {
  kind: ProblemKind;
  /** The length or value the field must stay within, for tooLong/tooShort/tooSmall/tooBig. */
  limit?: number;
}

/** Field path ("clientInfo.email") → its first problem. */
export type FieldProblems = Record<string, FieldProblem>;

type Issue = ZodError["issues"][number];

/** A schema names a custom check's problem in its params: `.refine(f, { params: { problem } })`. */
const customKind = (issue: Issue): ProblemKind => {
  const problem = (issue as { params?: { problem?: string } }).params?.problem;
  return (problemKinds as readonly string[]).includes(problem ?? "")
    ? (problem as ProblemKind)
    : "invalid";
};

export function problemOf(issue: Issue): FieldProblem {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string" || issue.origin === "array") {
        return Number(issue.minimum) <= 1
          ? { kind: "required" }
          : { kind: "tooShort", limit: Number(issue.minimum) };
      }
      return { kind: "tooSmall", limit: Number(issue.minimum) };
    case "too_big":
      return issue.origin === "string"
        ? { kind: "tooLong", limit: Number(issue.maximum) }
        : { kind: "tooBig", limit: Number(issue.maximum) };
    case "invalid_type":
      if (issue.expected === "int") return { kind: "wholeNumber" };
      return issue.expected === "number" ? { kind: "number" } : { kind: "required" };
    case "invalid_format":
      return { kind: issue.format === "email" ? "email" : "invalid" };
    case "custom":
      return { kind: customKind(issue) };
    default:
      return { kind: "invalid" };
  }
}

export function zodProblems(error: ZodError): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "body";
    problems[key] ??= problemOf(issue);
  }
  return problems;
}

/**
 * The sentence for a problem, from texts keyed by kind ("tooLong": "At most {limit} characters.")
 * after a prefix ("problem.tooLong" in the dashboard's flat labels); a kind without a text of its
 * own falls back to "invalid".
 */
export function problemText(
  problem: FieldProblem,
  texts: Record<string, string>,
  prefix = "",
): string {
  const template = texts[`${prefix}${problem.kind}`] ?? texts[`${prefix}invalid`] ?? "";
  return template.replace("{limit}", String(problem.limit ?? ""));
}
