import { NextResponse } from "next/server";
import { renderDetails } from "@/lib/errors/field-text";
import { errorMessage } from "@/lib/errors/messages";
import { toAppError } from "@/lib/errors/to-app-error";
import type { Locale } from "@/lib/i18n/locales";
import { describeError, logger } from "@/lib/logger";

/**
 * The JSON error of a failed request: its `error` sentence in the business's `locale`, its stable
 * `code`, and its `details` in the caller's language (`detailsIn`, English unless asked).
 */
export function errorResponse(
  error: unknown,
  locale: Locale,
  detailsIn: Locale = "en",
): NextResponse {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL_ERROR") logger.error("request failed", error);
  if (appError.code === "SERVICE_UNAVAILABLE") {
    logger.warn("database unavailable", { err: describeError(error) });
  }
  const response = NextResponse.json(
    {
      error: errorMessage(appError.code, locale),
      code: appError.code,
      ...(appError.details ? { details: renderDetails(appError.details, detailsIn) } : {}),
    },
    { status: appError.status },
  );
  if (appError.code === "SERVICE_UNAVAILABLE") response.headers.set("Retry-After", RETRY_AFTER);
  return response;
}

/** Seconds a client should wait before trying again while the database is away. */
const RETRY_AFTER = "5";
