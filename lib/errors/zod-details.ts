import type { ZodError } from "zod";
import type { ErrorDetails } from "@/lib/errors/app-error";

/** Field path → message, the contract's `details` of a 422. */
export function zodDetails(error: ZodError): ErrorDetails {
  const details: ErrorDetails = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "body";
    details[key] ??= issue.message;
  }
  return details;
}
