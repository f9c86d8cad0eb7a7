"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { OwnAccountState } from "@/components/admin/own-account-form";
import type { PaymentSettingsState } from "@/components/admin/payment-settings-form";
import { dashboardAction } from "@/lib/access/action-caller";
import {
  type ProfileFormState,
  profileFields,
  profileForm,
  profileValues,
} from "@/lib/admin/profile-form";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/api-keys";
import { retentionSchema, setRetention } from "@/lib/customers/retention";
import { formText, readForm, ticked, typed } from "@/lib/http/form-input";
import { hrefWith } from "@/lib/http/page-params";
import { paymentSettingsSchema, updatePaymentSettings } from "@/lib/payments/settings";
import { appointmentModuleSchema, setAppointmentModule } from "@/lib/tenants/appointment-module";
import { businessSettingsSchema, updateBusinessSettings } from "@/lib/tenants/business-settings";
import { consentTermsSchema, setConsentTerms } from "@/lib/tenants/consent-terms";
import { embedOriginsFromText, setEmbedOrigins } from "@/lib/tenants/embed-origins";
import { createUser } from "@/lib/users/create-user";
import { roleSchema } from "@/lib/users/schema";
import { changeOwnAccount, changeRole, removeMember, resetPassword } from "@/lib/users/team";
import { uuidSchema } from "@/lib/validation";

// Settings forms post here and come back to the page with what happened in the query, so they
// work without JavaScript. A new API key's secret is the one thing shown once: it comes back as
// the action's state instead (see ApiKeyCreator), never in a URL.

const back = (result: { ok: boolean; code?: string }, done: string, section: string) =>
  redirect(
    hrefWith("/admin/settings", result.ok ? { done, section } : { error: result.code, section }) +
      `#${section}`,
  );

export async function setModuleAction(enabled: boolean) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    setAppointmentModule(db, tenant, { enabled }, actor),
  );
  back(result, enabled ? "moduleOn" : "moduleOff", "module");
}

const confirmationForm = z.object({ confirmOnlineBookings: typed() });

/** How customers' bookings are confirmed: as they are made, or by the business. */
export async function setConfirmationAction(form: FormData) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    setAppointmentModule(
      db,
      tenant,
      appointmentModuleSchema.parse(readForm(form, confirmationForm)),
      actor,
    ),
  );
  back(result, "confirmation", "module");
}

const paymentForm = z.object({
  stripeAccountId: typed(),
  paymentHoldMinutes: z.number().optional(),
  keepDeposits: ticked(),
  // Always sent: empty clears it.
  vatRate: z
    .number()
    .optional()
    .transform((v) => v ?? null),
});

/** Saves the payment settings; answers with the form's state, like the profile's. */
export async function savePaymentSettingsAction(
  previous: PaymentSettingsState,
  form: FormData,
): Promise<PaymentSettingsState> {
  const values = formText(form, [
    "stripeAccountId",
    "paymentHoldMinutes",
    "keepDeposits",
    "vatRate",
  ]);
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    updatePaymentSettings(
      db,
      tenant,
      paymentSettingsSchema.parse(readForm(form, paymentForm)),
      actor,
    ),
  );
  const attempt = previous.attempt + 1;
  if (!result.ok) return { attempt, values, problems: result.problems ?? {}, outcome: result.code };
  revalidatePath("/admin/settings");
  return { attempt, values, problems: {}, outcome: "saved" };
}

/** Saves the profile; answers with the form's state (kept values and problems, or saved). */
export async function saveProfileAction(
  previous: ProfileFormState,
  form: FormData,
): Promise<ProfileFormState> {
  const values = formText(form, profileFields);
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    updateBusinessSettings(
      db,
      tenant,
      businessSettingsSchema.parse(readForm(form, profileForm)),
      actor,
    ),
  );
  const attempt = previous.attempt + 1;
  if (!result.ok) return { attempt, values, problems: result.problems ?? {}, outcome: result.code };
  // The name, language and zone show on every dashboard page.
  revalidatePath("/admin", "layout");
  return { attempt, values: profileValues(result.value), problems: {}, outcome: "saved" };
}

const memberForm = z.object({
  email: typed(),
  name: z.string().optional(),
  password: typed(),
  role: roleSchema,
});

export async function addMemberAction(form: FormData) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    createUser(db, tenant.id, readForm(form, memberForm), actor),
  );
  back(result, "member", "team");
}

const keyForm = z.object({
  name: typed().transform((name) => name.slice(0, 100)),
  scope: z
    .string()
    .optional()
    .transform((scope) => (scope === "read" ? "read" : "write")),
});

export async function createKeyAction(
  _previous: { secret?: string; error?: string },
  form: FormData,
): Promise<{ secret?: string; error?: string }> {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    createApiKey(db, tenant.id, readForm(form, keyForm), actor),
  );
  // The keys listed below the form include the new one.
  if (result.ok) revalidatePath("/admin/settings");
  return result.ok ? { secret: result.value.secret } : { error: result.code };
}

export async function revokeKeyAction(id: string) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    revokeApiKey(db, tenant.id, { id: uuidSchema.parse(id) }, actor),
  );
  back(result, "revoked", "keys");
}

const roleForm = z.object({ role: roleSchema });

export async function changeRoleAction(memberId: string, form: FormData) {
  const result = await dashboardAction("manage", ({ db, caller }) =>
    changeRole(db, caller, uuidSchema.parse(memberId), readForm(form, roleForm).role),
  );
  back(result, "roleChanged", "team");
}

const passwordForm = z.object({ password: typed() });

export async function resetPasswordAction(memberId: string, form: FormData) {
  const result = await dashboardAction("manage", ({ db, caller }) =>
    resetPassword(db, caller, uuidSchema.parse(memberId), readForm(form, passwordForm).password),
  );
  back(result, "passwordReset", "team");
}

export async function removeMemberAction(memberId: string) {
  const result = await dashboardAction("manage", ({ db, caller }) =>
    removeMember(db, caller, uuidSchema.parse(memberId)),
  );
  back(result, "memberRemoved", "team");
}

const ownAccountForm = z.object({ currentPassword: typed(), email: typed(), newPassword: typed() });

/** Any user's own e-mail and password; their sessions end, so they sign in again after. */
export async function changeOwnAccountAction(
  previous: OwnAccountState,
  form: FormData,
): Promise<OwnAccountState> {
  const { email } = formText(form, ["email"]);
  const result = await dashboardAction("read", ({ db, caller }) =>
    changeOwnAccount(db, caller, readForm(form, ownAccountForm)),
  );
  if (result.ok) redirect("/login?changed=1");
  return {
    attempt: previous.attempt + 1,
    email,
    problems: result.problems ?? {},
    error: result.code,
  };
}

const retentionForm = retentionSchema.extend({
  customerRetentionMonths: retentionSchema.shape.customerRetentionMonths.default(null),
});

/** How long customers without a booking are kept; empty: until they or the business erase them. */
export async function saveRetentionAction(form: FormData) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    setRetention(db, tenant, readForm(form, retentionForm).customerRetentionMonths, actor),
  );
  back(result, "saved", "privacy");
}

const consentForm = z.object({
  privacyNoticeUrl: typed().transform((url) => url.trim()),
  asksMarketingConsent: ticked(),
});

/** The booking form's consent: the privacy notice to accept, and whether news are offered. */
export async function saveConsentAction(form: FormData) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    setConsentTerms(db, tenant, consentTermsSchema.parse(readForm(form, consentForm)), actor),
  );
  back(result, "saved", "consent");
}

const originsForm = z.object({ embedOrigins: typed() });

/** The sites that may show the booking widget, one origin per line. */
export async function saveEmbedOriginsAction(form: FormData) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    setEmbedOrigins(
      db,
      tenant,
      embedOriginsFromText(readForm(form, originsForm).embedOrigins),
      actor,
    ),
  );
  back(result, "saved", "website");
}
