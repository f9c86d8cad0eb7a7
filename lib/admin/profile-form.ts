import type { Tenant } from "@/db/schema";
import type { ErrorCode } from "@/lib/errors/app-error";
import type { FieldProblems } from "@/lib/errors/field-problems";

// The business profile form, framework-free: its fields as text, the settings they make (the
// schema then checks them), and the values the business starts the form with.

export const profileFields = [
  "name",
  "timeZone",
  "locale",
  "currency",
  "address",
  "contactEmail",
  "contactPhone",
  "policyText",
  "slotIntervalMinutes",
  "cancellationNoticeHours",
  "rescheduleNoticeHours",
] as const;
export type ProfileField = (typeof profileFields)[number];
export type ProfileValues = Record<ProfileField, string>;

export interface ProfileFormState {
  /** Bumped by every answer, so that the form shows the returned values afresh. */
  attempt: number;
  values: ProfileValues;
  problems: FieldProblems;
  outcome?: "saved" | ErrorCode;
}

export function profileFormValues(form: FormData): ProfileValues {
  const value = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  return Object.fromEntries(profileFields.map((f) => [f, value(f)])) as ProfileValues;
}

/** A number typed in a field; empty or not a number is NaN, which the schema names. */
const numberOf = (value: string) => (value.trim() ? Number(value.trim()) : Number.NaN);

/** What `businessSettingsSchema` checks. */
export const profileInput = (v: ProfileValues) => ({
  ...v,
  slotIntervalMinutes: numberOf(v.slotIntervalMinutes),
  cancellationNoticeHours: numberOf(v.cancellationNoticeHours),
  rescheduleNoticeHours: numberOf(v.rescheduleNoticeHours),
});

export const profileValues = (tenant: Tenant): ProfileValues => ({
  name: tenant.name,
  timeZone: tenant.timeZone,
  locale: tenant.locale,
  currency: tenant.currency,
  address: tenant.address ?? "",
  contactEmail: tenant.contactEmail ?? "",
  contactPhone: tenant.contactPhone ?? "",
  policyText: tenant.policyText ?? "",
  slotIntervalMinutes: String(tenant.slotIntervalMinutes),
  cancellationNoticeHours: String(tenant.cancellationNoticeHours),
  rescheduleNoticeHours: String(tenant.rescheduleNoticeHours),
});
