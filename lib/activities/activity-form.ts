import type { Activity } from "@/db/schema";
import type { FieldProblems } from "@/lib/errors/field-problems";
import { fromMinorUnits } from "@/lib/i18n/money";

// The dashboard's activity form, framework-free: its fields as text, the API body they make (the
// same zod schema then checks it), and the values an existing activity starts the form with.

export type ActivityFormValues = Record<string, string>;

export interface ActivityFormState {
  attempt: number;
  values: ActivityFormValues;
  /** The schema's complaints, by the API's field paths (the inputs are named after them). */
  errors: FieldProblems;
  formError?: "failed" | "forbidden";
}

export const activityFormFields = [
  "name",
  "description",
  "durationMinutes",
  "color",
  "price",
  "requiredFields.phone",
  "requiredFields.address",
  "requiredFields.customField",
  "requiredFields.customFieldLabel",
  "reminderSettings.enabled",
  "reminderSettings.hoursBefore",
  "minimumBookingNoticeHours",
  "bufferBeforeMinutes",
  "bufferAfterMinutes",
  "maxAdvanceDays",
  "onlineBooking",
  "resourceKind",
  "capacity",
  "modes",
  "payment.rule",
  "payment.depositAmount",
  "payment.depositPercent",
] as const;

/** A number typed in a field; an empty field stays empty (the schema names it), text stays text. */
const numberOf = (value: string | undefined) => {
  const trimmed = (value ?? "").trim().replace(",", ".");
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
};

/** The body `POST /api/appointments/activities` would receive for these values. */
export function activityBody(v: ActivityFormValues) {
  const checked = (name: string) => v[name] === "on";
  return {
    name: v.name,
    description: v.description,
    durationMinutes: numberOf(v.durationMinutes),
    color: v.color || undefined,
    price: numberOf(v.price) ?? 0,
    requiredFields: {
      phone: checked("requiredFields.phone"),
      address: checked("requiredFields.address"),
      customField: checked("requiredFields.customField"),
      customFieldLabel: v["requiredFields.customFieldLabel"],
    },
    reminderSettings: {
      enabled: checked("reminderSettings.enabled"),
      hoursBefore: numberOf(v["reminderSettings.hoursBefore"]) ?? null,
    },
    minimumBookingNoticeHours: numberOf(v.minimumBookingNoticeHours) ?? 0,
    bufferBeforeMinutes: numberOf(v.bufferBeforeMinutes) ?? 0,
    bufferAfterMinutes: numberOf(v.bufferAfterMinutes) ?? 0,
    maxAdvanceDays: numberOf(v.maxAdvanceDays) ?? 90,
    onlineBooking: checked("onlineBooking"),
    resourceKind: v.resourceKind?.trim() || null,
    capacity: numberOf(v.capacity) ?? 1,
    modes: v.modes === "both" ? ["in_person", "online"] : [v.modes || "in_person"],
    // No rule sent (the choice is off until the business can take payments): kept as it is.
    payment: v["payment.rule"]
      ? {
          rule: v["payment.rule"],
          depositAmount:
            v["payment.rule"] === "deposit" ? (numberOf(v["payment.depositAmount"]) ?? null) : null,
          depositPercent:
            v["payment.rule"] === "deposit"
              ? (numberOf(v["payment.depositPercent"]) ?? null)
              : null,
        }
      : undefined,
  };
}

const flag = (on: boolean) => (on ? "on" : "");

/** The form's starting values: a new activity's defaults, or this activity as it is. */
export function activityValues(
  activity: Activity | undefined,
  currency: string,
  /** A new one's colour, one the business's services and staff do not have yet. */
  color = "#2563eb",
): ActivityFormValues {
  if (!activity) {
    return {
      name: "",
      description: "",
      durationMinutes: "60",
      color,
      price: "0",
      "requiredFields.customFieldLabel": "",
      // Reminders cut no-shows: on, a day before, unless the business says otherwise.
      "reminderSettings.enabled": "on",
      "reminderSettings.hoursBefore": "24",
      minimumBookingNoticeHours: "0",
      bufferBeforeMinutes: "0",
      bufferAfterMinutes: "0",
      maxAdvanceDays: "90",
      onlineBooking: "on",
      resourceKind: "",
      capacity: "1",
      modes: "in_person",
      "payment.rule": "none",
      "payment.depositAmount": "",
      "payment.depositPercent": "",
    };
  }
  return {
    name: activity.name,
    description: activity.description ?? "",
    durationMinutes: String(activity.durationMinutes),
    color: activity.color,
    price: String(fromMinorUnits(activity.priceMinor, currency)),
    "requiredFields.phone": flag(activity.requirePhone),
    "requiredFields.address": flag(activity.requireAddress),
    "requiredFields.customField": flag(activity.requireCustomField),
    "requiredFields.customFieldLabel": activity.customFieldLabel ?? "",
    "reminderSettings.enabled": flag(activity.reminderEnabled),
    "reminderSettings.hoursBefore": String(activity.reminderHoursBefore ?? 24),
    minimumBookingNoticeHours: String(activity.minimumNoticeHours),
    bufferBeforeMinutes: String(activity.bufferBeforeMinutes),
    bufferAfterMinutes: String(activity.bufferAfterMinutes),
    maxAdvanceDays: String(activity.maxAdvanceDays),
    onlineBooking: flag(activity.onlineBooking),
    resourceKind: activity.resourceKind ?? "",
    capacity: String(activity.capacity),
    modes: activity.modes.length > 1 ? "both" : (activity.modes[0] ?? "in_person"),
    "payment.rule": activity.paymentRule,
    "payment.depositAmount":
      activity.depositMinor === null ? "" : String(fromMinorUnits(activity.depositMinor, currency)),
    "payment.depositPercent":
      activity.depositPercent === null ? "" : String(activity.depositPercent),
  };
}
