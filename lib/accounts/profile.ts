import { and, eq, max } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { appointments, customers, type Tenant } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { getCustomer } from "@/lib/customers";
import { AppError } from "@/lib/errors/app-error";
import { isTimeZone } from "@/lib/i18n/time-zones";
import { optionalPhoneSchema, requiredText } from "@/lib/validation";
import { rescheduleReminders } from "./reminders";

/** The reminder leads a customer may choose: an hour, two, a day, two days before. */
export const REMINDER_CHOICES = [60, 120, 1440, 2880] as const;
const reminderMinutesSchema = z
  .number()
  .int()
  .refine((minutes) => (REMINDER_CHOICES as readonly number[]).includes(minutes), "reminder");

/** What a customer may change of their own record. */
export const profileUpdateSchema = z
  .object({
    name: requiredText(120),
    phone: optionalPhoneSchema,
    locale: z.enum(["fr", "en"]).nullable(),
    timeZone: z
      .string()
      .refine((zone) => isTimeZone(zone), "timeZone")
      .nullable(),
    marketingConsent: z.boolean(),
    reminderMinutes: reminderMinutesSchema.nullable(),
  })
  .partial()
  .strict();
export type ProfileUpdate = z.output<typeof profileUpdateSchema>;

/** The account page's form: every field sent, an empty choice the business's, an unticked box no. */
export const profileFormSchema = z.object({
  name: requiredText(120),
  phone: optionalPhoneSchema,
  locale: z
    .enum(["fr", "en"])
    .optional()
    .transform((v) => v ?? null),
  timeZone: z
    .string()
    .refine((zone) => isTimeZone(zone), "timeZone")
    .optional()
    .transform((v) => v ?? null),
  marketingConsent: z
    .boolean()
    .optional()
    .transform((v) => v ?? false),
  reminderMinutes: reminderMinutesSchema.optional().transform((v) => v ?? null),
});

/**
 * Whether they agree to hear of offers, and since when: their own word from the account when it is
 * the latest, else a booking form's opt-in, else no.
 */
export function marketingState(
  customer: { marketingConsent: boolean; marketingConsentAt: Date | null },
  optInAt: Date | null,
) {
  const own = customer.marketingConsentAt;
  if (own && (!optInAt || own >= optInAt)) return { consent: customer.marketingConsent, at: own };
  return { consent: optInAt !== null, at: optInAt };
}

/** When they last accepted the business's privacy notice on a booking form; null: never asked. */
async function privacyAcceptedAt(db: Database, tenantId: string, customerId: string) {
  const [row] = await db
    .select({ at: max(appointments.privacyAcceptedAt) })
    .from(appointments)
    .where(and(eq(appointments.tenantId, tenantId), eq(appointments.customerId, customerId)));
  return row?.at ?? null;
}

/** The customer's own view of their record, with the consents they gave and when. */
export async function getProfile(db: Database, tenant: Tenant, customerId: string) {
  const [row, privacyAt] = await Promise.all([
    getCustomer(db, tenant.id, customerId),
    privacyAcceptedAt(db, tenant.id, customerId),
  ]);
  const marketing = marketingState(row, row.marketingOptInAt);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    locale: row.locale,
    timeZone: row.timeZone,
    marketingConsent: marketing.consent,
    marketingConsentAt: marketing.at?.toISOString() ?? null,
    privacyNoticeAcceptedAt: privacyAt?.toISOString() ?? null,
    reminderMinutes: row.reminderMinutes,
    createdAt: row.createdAt.toISOString(),
  };
}
export type Profile = Awaited<ReturnType<typeof getProfile>>;

/** The customer acting from their account, in the audit log (their id, never their name). */
export const accountActor = (customerId: string) =>
  ({ type: "customer", id: customerId, label: "customer account" }) as const;

/** Changes what the customer may change of their record; what is left out is kept. */
export async function updateProfile(
  db: Database,
  tenant: Tenant,
  customerId: string,
  input: ProfileUpdate,
  now: Date,
): Promise<Profile> {
  const { marketingConsent, ...rest } = input;
  // A consent is dated when it changes, not each time the form is saved.
  const before = await getProfile(db, tenant, customerId);
  const consentChanges =
    marketingConsent !== undefined && marketingConsent !== before.marketingConsent;
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(customers)
      .set({
        ...rest,
        ...(consentChanges ? { marketingConsent, marketingConsentAt: now } : {}),
        updatedAt: now,
      })
      .where(and(eq(customers.tenantId, tenant.id), eq(customers.id, customerId)))
      .returning({ id: customers.id });
    if (!updated) throw new AppError("NOT_FOUND");
    if (input.reminderMinutes !== undefined && input.reminderMinutes !== before.reminderMinutes) {
      await rescheduleReminders(tx, tenant.id, customerId, input.reminderMinutes, now);
    }
    await recordAudit(tx, tenant.id, accountActor(customerId), {
      action: "customer.profile_update",
      entityType: "customer",
      entityId: customerId,
      after: { fields: Object.keys(input) },
    });
  });
  return getProfile(db, tenant, customerId);
}
