import type { FieldProblem, FieldProblems } from "@/lib/errors/field-problems";

// The public booking form, framework-free: what it posts, how it becomes the API's booking input
// (validated by the same zod schema), and how a refusal becomes the state it renders again.

export const bookingFormFields = [
  "at",
  "name",
  "email",
  "phone",
  "address",
  "customFieldValue",
  // Checkboxes: "on" when ticked.
  "privacyNotice",
  "marketing",
  // Single-use, made with the page: a resubmission (Back, a second tab) books nothing more.
  "formToken",
] as const;
export type BookingFormField = (typeof bookingFormFields)[number];
export type BookingFormValues = Record<BookingFormField, string>;

export interface BookingFormState {
  /** Bumped by every answer, so that the form shows the returned values afresh. */
  attempt: number;
  values: BookingFormValues;
  fieldErrors: Partial<Record<BookingFormField, FieldProblem>>;
  formError?:
    | "slotTaken"
    | "slotGone"
    | "failed"
    | "moduleDisabled"
    | "paymentUnavailable"
    | "alreadyBooked";
  /** Free start times to pick from after the chosen one was taken meanwhile. */
  alternatives?: { at: string; label: string }[];
}

export const emptyBookingForm = (at: string, formToken = ""): BookingFormState => ({
  attempt: 0,
  values: {
    at,
    formToken,
    name: "",
    email: "",
    phone: "",
    address: "",
    customFieldValue: "",
    privacyNotice: "",
    marketing: "",
  },
  fieldErrors: {},
});

/** The body `POST /api/appointments` would receive for this form. */
export const toBookingBody = (
  activityId: string,
  choice: {
    staffId: string | null;
    locationId: string | null;
    mode?: "in_person" | "online" | null;
  },
  v: BookingFormValues,
) => ({
  activityId,
  ...choice,
  dateTime: v.at,
  clientInfo: {
    name: v.name,
    email: v.email,
    phone: v.phone,
    address: v.address,
    customFieldValue: v.customFieldValue,
  },
  consent: { privacyNotice: v.privacyNotice === "on", marketing: v.marketing === "on" },
});

const fieldOfPath: Record<string, BookingFormField> = {
  dateTime: "at",
  "clientInfo.name": "name",
  "clientInfo.email": "email",
  "clientInfo.phone": "phone",
  "clientInfo.address": "address",
  "clientInfo.customFieldValue": "customFieldValue",
  "consent.privacyNotice": "privacyNotice",
};

/** A refused booking's problems as problems of the form's fields (an empty field is "required"). */
export function fieldProblems(
  problems: FieldProblems,
  values: BookingFormValues,
): BookingFormState["fieldErrors"] {
  const byField: BookingFormState["fieldErrors"] = {};
  for (const [path, problem] of Object.entries(problems)) {
    const field = fieldOfPath[path];
    if (!field) continue;
    // A box left unticked keeps its own words ("please accept").
    byField[field] =
      values[field].trim() || problem.kind === "mustAccept" ? problem : { kind: "required" };
  }
  return byField;
}
