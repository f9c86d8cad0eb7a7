import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApiKeyCreator } from "@/components/admin/api-key-creator";
import { BusinessProfileForm } from "@/components/admin/business-profile-form";
import { ConfirmRow } from "@/components/admin/confirm-row";
import { EmbedSettings } from "@/components/admin/embed-settings";
import { OwnAccountForm } from "@/components/admin/own-account-form";
import { PaymentSettingsForm } from "@/components/admin/payment-settings-form";
import { LabelledField } from "@/components/ui/labelled-field";
import { Notice } from "@/components/ui/notice";
import { adminLabels, failureTexts } from "@/lib/admin/form-labels";
import { profileValues } from "@/lib/admin/profile-form";
import { listApiKeys } from "@/lib/api-keys/api-keys";
import { can } from "@/lib/auth/authenticate";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { firstParam, type SearchParams } from "@/lib/http/page-params";
import { formatDateTime } from "@/lib/i18n/format";
import { pageTitle } from "@/lib/i18n/page-title";
import { timeZoneOptions } from "@/lib/i18n/time-zones";
import { paymentsReadiness } from "@/lib/payments/rule";
import { ownHostLink } from "@/lib/tenants/booking-link";
import { listUsers } from "@/lib/users/create-user";
import {
  addMemberAction,
  changeOwnAccountAction,
  changeRoleAction,
  createKeyAction,
  removeMemberAction,
  resetPasswordAction,
  revokeKeyAction,
  saveConsentAction,
  saveEmbedOriginsAction,
  savePaymentSettingsAction,
  saveProfileAction,
  saveRetentionAction,
  setModuleAction,
} from "./actions";

export const generateMetadata = pageTitle("admin.nav.settings");

const inputClass =
  "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-600";
const button =
  "rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700";
const card = "rounded-lg border border-slate-200 bg-white p-4";

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { tenant, caller } = await requirePageCaller();
  const params = await searchParams;
  const db = await getDb();
  const [t, tf, tr, tw, failed, users, keys, profileLabels] = await Promise.all([
    getTranslations("admin.settings"),
    getTranslations("admin.forms"),
    getTranslations("admin.role"),
    getTranslations("admin.webhooks"),
    failureTexts(),
    listUsers(db, tenant.id),
    listApiKeys(db, tenant.id),
    adminLabels("settings"),
  ]);
  const canManage = can(caller.role, "manage");
  const readiness = paymentsReadiness(tenant, env().stripe);
  const done = firstParam(params.done);
  const error = firstParam(params.error);
  const section = firstParam(params.section);
  const confirmRevoke = firstParam(params.revoke);
  const confirmRemove = firstParam(params.remove);
  const message = (forSection: string) =>
    error && section === forSection ? (
      <Notice kind="error" className="mt-2">
        {failed(error)}
      </Notice>
    ) : null;

  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {caller.role === "owner" && (
          <Link href="/admin/settings/audit" className="text-sm underline">
            {t("auditLink")}
          </Link>
        )}
      </div>
      {!canManage && <p className="text-sm text-slate-600">{tf("readOnly")}</p>}
      {done && (
        <Notice kind="ok">
          {done === "member"
            ? t("memberAdded")
            : done === "memberRemoved" || done === "roleChanged" || done === "passwordReset"
              ? t(done)
              : tf("saved")}
        </Notice>
      )}

      <section id="module" aria-labelledby="module-title" className={card}>
        <h2 id="module-title" className="text-lg font-semibold">
          {t("module")}
        </h2>
        <p className="mt-1 text-sm text-slate-700" data-testid="module-state">
          {tenant.appointmentModuleEnabled ? t("moduleOn") : t("moduleOff")}
        </p>
        {canManage && (
          <form
            action={setModuleAction.bind(null, !tenant.appointmentModuleEnabled)}
            className="mt-3"
          >
            <button type="submit" className={button}>
              {tenant.appointmentModuleEnabled ? t("turnOff") : t("turnOn")}
            </button>
          </form>
        )}
        {message("module")}
      </section>

      <section id="profile" aria-labelledby="profile-title" className={card}>
        <h2 id="profile-title" className="text-lg font-semibold">
          {t("profile")}
        </h2>
        <BusinessProfileForm
          action={saveProfileAction}
          initialState={{ attempt: 0, values: profileValues(tenant), problems: {} }}
          timeZones={timeZoneOptions(new Date())}
          canManage={canManage}
          labels={profileLabels}
        />
      </section>

      <section id="payments" aria-labelledby="payments-title" className={card}>
        <h2 id="payments-title" className="text-lg font-semibold">
          {t("payments.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-700" data-testid="payments-state">
          {readiness === "ready"
            ? t(tenant.stripeAccountId ? "payments.ready" : "payments.ready_direct")
            : t(`payments.${readiness}`)}
        </p>
        {readiness !== "no_keys" && (
          <PaymentSettingsForm
            action={savePaymentSettingsAction}
            initialState={{
              attempt: 0,
              values: {
                stripeAccountId: tenant.stripeAccountId ?? "",
                paymentHoldMinutes: String(tenant.paymentHoldMinutes),
                keepDeposits: tenant.keepDeposits ? "on" : "",
              },
              problems: {},
            }}
            canManage={canManage}
            labels={profileLabels}
          />
        )}
      </section>

      <section id="account" aria-labelledby="account-title" className={card}>
        <h2 id="account-title" className="text-lg font-semibold">
          {t("account.title")}
        </h2>
        <OwnAccountForm
          action={changeOwnAccountAction}
          email={users.find((u) => u.id === caller.id)?.email ?? ""}
          labels={profileLabels}
        />
      </section>

      <section id="team" aria-labelledby="team-title" className={card}>
        <h2 id="team-title" className="text-lg font-semibold">
          {t("team")}
        </h2>
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {users.map((u) => {
            const runs = caller.role === "owner" && u.id !== caller.id;
            return (
              <li
                key={u.id}
                className="flex flex-wrap items-center gap-2 py-2"
                data-member={u.email}
              >
                <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">
                  {u.name} · {u.email} {u.id === caller.id && t("you")}
                  {!runs && <span className="ml-2 text-slate-600">{tr(u.role)}</span>}
                </span>
                {runs && confirmRemove === u.id ? (
                  <ConfirmRow
                    action={removeMemberAction.bind(null, u.id)}
                    question={t("removeQuestion", { name: u.name })}
                    confirmLabel={t("remove")}
                    keepHref="/admin/settings#team"
                    keepLabel={tf("keep")}
                  />
                ) : (
                  runs && (
                    <>
                      <form
                        action={changeRoleAction.bind(null, u.id)}
                        className="flex items-center gap-1"
                      >
                        <select
                          name="role"
                          defaultValue={u.role}
                          aria-label={t("roleOf", { name: u.name })}
                          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                        >
                          <option value="staff">{tr("staff")}</option>
                          <option value="admin">{tr("admin")}</option>
                          <option value="owner">{tr("owner")}</option>
                        </select>
                        <button
                          type="submit"
                          className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50"
                        >
                          {t("changeRole")}
                        </button>
                      </form>
                      <details className="relative">
                        <summary className="cursor-pointer rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
                          {t("resetPassword")}
                        </summary>
                        <form
                          action={resetPasswordAction.bind(null, u.id)}
                          className="mt-1 flex flex-wrap items-center gap-1"
                        >
                          <input
                            name="password"
                            type="password"
                            minLength={8}
                            required
                            autoComplete="new-password"
                            aria-label={t("newPasswordFor", { name: u.name })}
                            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                          />
                          <button
                            type="submit"
                            className="rounded-md bg-slate-900 px-2 py-1 font-medium text-white"
                          >
                            {t("setPassword")}
                          </button>
                        </form>
                      </details>
                      <Link
                        href={`/admin/settings?remove=${u.id}#team`}
                        className="rounded-md border border-red-300 px-2 py-1 text-red-800 hover:bg-red-50"
                        aria-label={t("removeNamed", { name: u.name })}
                      >
                        {t("remove")}
                      </Link>
                    </>
                  )
                )}
              </li>
            );
          })}
        </ul>
        {message("team")}
        {canManage && (
          <form action={addMemberAction} className="mt-3 grid gap-3 sm:grid-cols-5 sm:items-end">
            <LabelledField id="member-name" label={t("memberName")}>
              <input id="member-name" name="name" className={inputClass} />
            </LabelledField>
            <LabelledField id="member-email" label={t("email")}>
              <input id="member-email" name="email" type="email" required className={inputClass} />
            </LabelledField>
            <LabelledField id="member-password" label={t("password")}>
              <input
                id="member-password"
                name="password"
                type="password"
                minLength={8}
                required
                autoComplete="new-password"
                className={inputClass}
              />
            </LabelledField>
            <LabelledField id="member-role" label={t("role")}>
              <select id="member-role" name="role" defaultValue="staff" className={inputClass}>
                <option value="staff">{tr("staff")}</option>
                <option value="admin">{tr("admin")}</option>
                <option value="owner">{tr("owner")}</option>
              </select>
            </LabelledField>
            <button type="submit" className={button}>
              {t("addMember")}
            </button>
          </form>
        )}
      </section>

      <section id="privacy" aria-labelledby="privacy-title" className={card}>
        <h2 id="privacy-title" className="text-lg font-semibold">
          {t("privacy")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("privacyIntro")}</p>
        <form action={saveRetentionAction} className="mt-3 flex flex-wrap items-end gap-3">
          <LabelledField id="customerRetentionMonths" label={t("retention")}>
            <input
              id="customerRetentionMonths"
              name="customerRetentionMonths"
              type="number"
              min={1}
              max={120}
              inputMode="numeric"
              defaultValue={tenant.customerRetentionMonths ?? ""}
              disabled={!canManage}
              aria-describedby="retention-hint"
              className="mt-1 w-32 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
          </LabelledField>
          {canManage && (
            <button type="submit" className={button}>
              {t("saveRetention")}
            </button>
          )}
        </form>
        <p id="retention-hint" className="mt-1 text-xs text-slate-600">
          {t("retentionHint")}
        </p>
        {message("privacy")}
      </section>

      <section id="consent" aria-labelledby="consent-title" className={card}>
        <h2 id="consent-title" className="text-lg font-semibold">
          {t("consent")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("consentIntro")}</p>
        <form action={saveConsentAction} className="mt-3 flex flex-col gap-3">
          <LabelledField id="privacyNoticeUrl" label={t("privacyNoticeUrl")}>
            <input
              id="privacyNoticeUrl"
              name="privacyNoticeUrl"
              type="url"
              maxLength={500}
              placeholder="https://"
              defaultValue={tenant.privacyNoticeUrl ?? ""}
              disabled={!canManage}
              aria-describedby="privacy-notice-hint"
              className="mt-1 w-full max-w-lg rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
          </LabelledField>
          <p id="privacy-notice-hint" className="-mt-2 text-xs text-slate-600">
            {t("privacyNoticeHint")}
          </p>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="asksMarketingConsent"
              defaultChecked={tenant.asksMarketingConsent}
              disabled={!canManage}
            />
            {t("asksMarketingConsent")}
          </label>
          {canManage && (
            <button type="submit" className={`${button} self-start`}>
              {t("saveConsent")}
            </button>
          )}
        </form>
        {message("consent")}
      </section>

      <EmbedSettings
        save={saveEmbedOriginsAction}
        tenant={tenant}
        bookingUrl={ownHostLink(await headers(), tenant, env().appRootDomain)}
        canManage={canManage}
        message={message("website")}
      />

      <section id="keys" aria-labelledby="keys-title" className={card}>
        <h2 id="keys-title" className="text-lg font-semibold">
          {t("apiKeys")}
        </h2>
        {keys.length === 0 && <p className="mt-2 text-sm text-slate-600">{t("noKeys")}</p>}
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {keys.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center gap-3 py-2">
              <span className="flex-1">
                {k.name} · <code>rvz_{k.prefix}_…</code> ·{" "}
                {k.scope === "read" ? t("scopeRead") : t("scopeWrite")}
                <span className="block text-xs text-slate-600">
                  {t("lastUsed", {
                    when: k.lastUsedAt
                      ? formatDateTime(k.lastUsedAt, tenant.timeZone, tenant.locale)
                      : t("never"),
                  })}
                </span>
              </span>
              {k.revokedAt ? (
                <span className="text-slate-500">{t("revoked")}</span>
              ) : canManage && confirmRevoke === k.id ? (
                <ConfirmRow
                  action={revokeKeyAction.bind(null, k.id)}
                  question={t("revokeQuestion")}
                  confirmLabel={t("revoke")}
                  keepHref="/admin/settings#keys"
                  keepLabel={tf("keep")}
                />
              ) : (
                canManage && (
                  <Link
                    href={`/admin/settings?revoke=${k.id}#keys`}
                    className="rounded-md border border-red-300 px-3 py-1 text-red-800 hover:bg-red-50"
                  >
                    {t("revoke")}
                  </Link>
                )
              )}
            </li>
          ))}
        </ul>
        {message("keys")}
        {canManage && (
          <div className="mt-3">
            <ApiKeyCreator
              action={createKeyAction}
              labels={{
                keyName: t("keyName"),
                scope: t("scope"),
                scopeWrite: t("scopeWrite"),
                scopeRead: t("scopeRead"),
                createKey: t("createKey"),
                keyCreated: t("keyCreated"),
                newKey: t("newKey"),
                copy: t("copy"),
                copied: t("copied"),
                failed: tf("failed"),
              }}
            />
          </div>
        )}
      </section>

      {canManage && (
        <section id="webhooks" aria-labelledby="webhooks-title" className={card}>
          <h2 id="webhooks-title" className="text-lg font-semibold">
            {tw("title")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{tw("settingsIntro")}</p>
          <Link
            href="/admin/settings/webhooks"
            className="mt-3 inline-block rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50"
          >
            {tw("manage")}
          </Link>
        </section>
      )}
    </section>
  );
}
