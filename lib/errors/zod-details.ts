import type { ZodError } from "zod";
import type { ErrorDetails } from "@/lib/errors/app-error";
import { problemOf } from "@/lib/errors/field-problems";
import { type DetailText, isFieldErrorKey } from "@/lib/errors/field-text";

type Issue = ZodError["issues"][number];

/**
 * An issue's detail: the schema's own text when it names one (`.refine(f, "timeZone")`), else the
 * text of its kind (required, too long…), with the values it needs.
 */
function detailOf(issue: Issue): DetailText {
  if (isFieldErrorKey(issue.message)) {
    const params = (issue as { params?: Record<string, string | number> }).params;
    return { text: issue.message, values: params };
  }
  if (issue.code === "invalid_value") {
    return { text: "oneOf", values: { options: issue.values.map(String).join(", ") } };
  }
  const problem = problemOf(issue);
  return {
    text: problem.kind,
    values: problem.limit === undefined ? undefined : { limit: problem.limit },
  };
}

/** Field path → its first problem, the contract's `details` of a 422. */
export function zodDetails(error: ZodError): ErrorDetails {
  const details: ErrorDetails = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "body";
    details[key] ??= detailOf(issue);
  }
  return details;
}
