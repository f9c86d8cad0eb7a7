import type { FieldProblems } from "./field-problems";
import type { DetailText } from "./field-text";

/** Every failure the domain can explain, with the HTTP status the API answers it with. */
export const errorStatus = {
  INVALID_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  MODULE_DISABLED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  MISDIRECTED_REQUEST: 421,
  TENANT_NOT_FOUND: 404,
  SLOT_UNAVAILABLE: 409,
  ACTIVITY_IN_USE: 409,
  STAFF_IN_USE: 409,
  LAST_STAFF_MEMBER: 409,
  RESOURCE_IN_USE: 409,
  LOCATION_IN_USE: 409,
  LAST_LOCATION: 409,
  CLASS_HAS_ATTENDEES: 409,
  CHANGED_MEANWHILE: 409,
  CONFLICT: 409,
  LAST_OWNER: 409,
  WRONG_PASSWORD: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_ERROR: 422,
  RATE_LIMIT_EXCEEDED: 429,
  INVALID_TRANSITION: 422,
  POLICY_WINDOW_CLOSED: 422,
  INVALID_SIGNATURE: 400,
  PAYMENTS_NOT_READY: 422,
  NOT_REFUNDABLE: 409,
  WEBHOOK_URL_NOT_ALLOWED: 422,
  WEBHOOK_LIMIT_REACHED: 409,
  LINK_INVALID: 410,
  CODE_INVALID: 422,
  REVIEW_NOT_ALLOWED: 422,
  ALREADY_REVIEWED: 409,
  ALREADY_REPLIED: 409,
  CUSTOMER_HAS_UPCOMING: 409,
  BUSINESS_NOT_CONFIRMED: 403,
  REGISTRATION_CLOSED: 403,
  INTERNAL_ERROR: 500,
  UNAVAILABLE: 503,
  SERVICE_UNAVAILABLE: 503,
  PAYMENT_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type ErrorDetails = Record<string, DetailText>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: ErrorDetails,
    message?: string,
    /** For forms: each field's problem in a form a message in any language can be made of. */
    readonly problems?: FieldProblems,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** `undefined` instead of a NOT_FOUND AppError: for pages that answer with notFound(), and for
 * work that goes on without a row that may have been deleted. */
export async function orUndefinedIfNotFound<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return undefined;
    throw error;
  }
}
