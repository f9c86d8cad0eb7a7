import { z } from "zod";
import type { Tenant } from "@/db/schema";
import type { ErrorCode } from "@/lib/errors/app-error";
import type { FieldProblems } from "@/lib/errors/field-problems";
import { typed } from "@/lib/http/form-input";

// The business profile form: its fields, what it posts (the settings schema then checks it), and
// the values the business starts the form with.

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

/** What the form posts, typed for `businessSettingsSchema` to check (a number left empty is "not a number"). */
export const profileForm = z.object({
  ...Object.fromEntries(profileFields.map((f) => [f, typed()])),
  slotIntervalMinutes: z.number().default(Number.NaN),
  cancellationNoticeHours: z.number().default(Number.NaN),
  rescheduleNoticeHours: z.number().default(Number.NaN),
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
