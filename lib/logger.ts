/**
 * The one place the app writes logs. Callers pass messages they built on purpose: never a request
 * body, a password, a key or a customer's details.
 */
export const logger = {
  info: (message: string) => console.log(`[rendezvous] ${message}`),
  warn: (message: string) => console.warn(`[rendezvous] ${message}`),
  error: (message: string, error?: unknown) =>
    console.error(`[rendezvous] ${message}${error ? `: ${describeError(error)}` : ""}`),
};

/**
 * A failure's kind and message without the data that came with it: drizzle puts the query's
 * parameters (customers' names, emails) in its messages, so only the driver's own cause is kept.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause : undefined;
  if (cause && (error.name === "DrizzleQueryError" || error.message.startsWith("Failed query"))) {
    const code = (cause as { code?: string }).code;
    return `database error${code ? ` ${code}` : ""}: ${cause.message}`;
  }
  return `${error.name}: ${error.message}\n${error.stack?.split("\n").slice(1, 6).join("\n") ?? ""}`;
}
