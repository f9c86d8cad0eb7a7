import { ZodError } from "zod";
import { isDatabaseUnavailable, sqlStateOf } from "@/db/client";
import { zodDetails } from "@/lib/errors/zod-details";
import { AppError } from "./app-error";
import { zodProblems } from "./field-problems";

/** The one translation of a failure into a domain error with a stable code. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("VALIDATION_ERROR", zodDetails(error), undefined, zodProblems(error));
  }
  const state = sqlStateOf(error);
  if (state === "23P01") return new AppError("SLOT_UNAVAILABLE");
  if (state === "23505") return new AppError("CONFLICT");
  if (isDatabaseUnavailable(error)) return new AppError("SERVICE_UNAVAILABLE");
  return new AppError("INTERNAL_ERROR");
}
