import { NextResponse } from "next/server";
import { errorMessage } from "@/lib/errors/messages";
import { toAppError } from "@/lib/errors/to-app-error";
import type { Locale } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";

export function errorResponse(error: unknown, locale: Locale): NextResponse {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL_ERROR") logger.error("request failed", error);
  return NextResponse.json(
    {
      error: errorMessage(appError.code, locale),
      code: appError.code,
      ...(appError.details ? { details: appError.details } : {}),
    },
    { status: appError.status },
  );
}
