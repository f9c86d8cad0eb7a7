import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { sqlStateOf } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { errorMessage } from "@/lib/errors/messages";
import type { Locale } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import { zodDetails } from "./zod-details";

/** The one translation of a failure into the contract's error response. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError("VALIDATION_ERROR", zodDetails(error));
  const state = sqlStateOf(error);
  if (state === "23P01") return new AppError("SLOT_UNAVAILABLE");
  if (state === "23505") return new AppError("CONFLICT");
  return new AppError("INTERNAL_ERROR");
}

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
