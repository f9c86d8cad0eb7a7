// How the dashboard explains a refused action: one text per error code in the messages files
// (`failures`, exposed to client components as `failure.<CODE>` by adminLabels), "failed" for
// the others. Apart from the rest of lib/errors so that client components can import it.

/** The dashboard's text for a refusal, from labels holding the `failure.*` texts. */
export function failureText(code: string, labels: Record<string, string>): string {
  return labels[`failure.${code}`] ?? labels["failure.failed"] ?? "";
}
