import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import { type BookingInput, bookingSchema } from "@/lib/appointments";
import { AppError, type ErrorDetails } from "@/lib/errors/app-error";
import { type FieldProblems, zodProblems } from "@/lib/errors/field-problems";
import { zodDetails } from "@/lib/errors/zod-details";
import { loadBookingContext } from "@/lib/offer";
import { uuidSchema } from "@/lib/validation";
import { missingRequiredFields, requiredProblems } from "./required-fields";

/**
 * A booking request (API body or public form) checked against the schema and, when the schema
 * refuses it, against the activity's required fields as well, so that one 422 names every
 * problem. When the schema accepts it, bookAppointment checks the required fields itself.
 */
export async function parseBookingInput(
  db: Database,
  tenant: Tenant,
  body: unknown,
): Promise<BookingInput> {
  const parsed = bookingSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const missing = (await requiredFieldsLeftEmpty(db, tenant, body)) ?? {};
  throw new AppError("VALIDATION_ERROR", { ...missing, ...zodDetails(parsed.error) }, undefined, {
    ...requiredProblems(missing),
    ...zodProblems(parsed.error),
  } as FieldProblems);
}

async function requiredFieldsLeftEmpty(
  db: Database,
  tenant: Tenant,
  body: unknown,
): Promise<ErrorDetails | null> {
  const { activityId, clientInfo } = (typeof body === "object" && body !== null ? body : {}) as {
    activityId?: unknown;
    clientInfo?: unknown;
  };
  const id = uuidSchema.safeParse(activityId);
  if (!id.success) return null;
  const client = (typeof clientInfo === "object" && clientInfo !== null ? clientInfo : {}) as {
    [field: string]: unknown;
  };
  const text = (value: unknown) => (typeof value === "string" && value.trim()) || null;
  try {
    const { activity } = await loadBookingContext(db, tenant, id.data);
    return missingRequiredFields(activity, {
      phone: text(client.phone),
      address: text(client.address),
      customFieldValue: text(client.customFieldValue),
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
