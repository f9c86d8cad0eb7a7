import pino from "pino";
import { redactValue } from "@/db/query-hooks";
import { env } from "@/lib/env";

function createLogger() {
  const config = env();
  return pino({
    level: config.logLevel,
    base: { app: "rendezvous" },
    // Belt and braces: fields that must never reach a log, whoever passes them.
    redact: {
      paths: ["password", "*.password", "authorization", "*.authorization", "cookie", "*.cookie"],
      censor: "[redacted]",
    },
    ...(config.nodeEnv === "development" ? { transport: { target: "pino-pretty" } } : {}),
  });
}

// One logger per process: Next.js loads this module once per bundle.
const globalStore = globalThis as typeof globalThis & { __rendezvousLogger?: pino.Logger };

/**
 * The one place the app writes logs: JSON lines (pretty in development). Callers pass messages
 * and fields they built on purpose: never a request body, a password, a key or a customer's
 * details; errors go through `describeError`, which drops a failed query's parameters.
 */
export function rootLogger(): pino.Logger {
  globalStore.__rendezvousLogger ??= createLogger();
  return globalStore.__rendezvousLogger;
}

export const logger = {
  info: (message: string, fields: Record<string, unknown> = {}) =>
    rootLogger().info(fields, message),
  warn: (message: string, fields: Record<string, unknown> = {}) =>
    rootLogger().warn(fields, message),
  error: (message: string, error?: unknown) =>
    rootLogger().error(error === undefined ? {} : { err: describeError(error) }, message),
};

/**
 * A failure's kind and message without the data that came with it: drizzle puts the query's
 * parameters (customers' names, emails) in its messages, so only the driver's own cause is kept.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === "string" ? error : "non-error thrown";
  const cause = error.cause instanceof Error ? error.cause : undefined;
  if (cause && (error.name === "DrizzleQueryError" || error.message.startsWith("Failed query"))) {
    const code = (cause as { code?: string }).code;
    return `database error${code ? ` ${code}` : ""}: ${redactValue(cause.message)}`;
  }
  if (error.name === "DatabaseQueryError") return error.message;
  return `${error.name}: ${error.message}\n${error.stack?.split("\n").slice(1, 6).join("\n") ?? ""}`;
}
