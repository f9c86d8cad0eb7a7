import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BusinessProfileForm } from "@/components/admin/business-profile-form";
import { EmbedSettings } from "@/components/admin/embed-settings";
import { OwnAccountForm } from "@/components/admin/own-account-form";
import { PaymentSettingsForm } from "@/components/admin/payment-settings-form";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageCaller } from "@/lib/access/page-caller";
import { adminLabels, failureTexts } from "@/lib/admin/form-labels";
import { profileValues } from "@/lib/admin/profile-form";
import { listApiKeys } from "@/lib/api-keys/api-keys";
import { can } from "@/lib/auth/authenticate";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { firstParam, type SearchParams } from "@/lib/http/page-params";
import { pageTitle } from "@/lib/i18n/page-title";
import { timeZoneOptions } from "@/lib/i18n/time-zones";
import { paymentsReadiness } from "@/lib/payments/rule";
import { ownHostLink } from "@/lib/tenants/booking-link";
import { listUsers } from "@/lib/users/create-user";
import {
  changeOwnAccountAction,
  saveEmbedOriginsAction,
  savePaymentSettingsAction,
  saveProfileAction,
} from "./actions";
import { KeysSection } from "./sections/keys-section";
import { ModuleSection } from "./sections/module-section";
import { ConsentSection, RetentionSection } from "./sections/privacy-sections";
import { TeamSection } from "./sections/team-section";

export const generateMetadata = pageTitle("admin.nav.settings");

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { tenant, caller } = await requirePageCaller();
  const params = await searchParams;
  const db = await getDb();
  const [t, tf, tw, failed, users, keys, profileLabels] = await Promise.all([
    getTranslations("admin.settings"),
    getTranslations("admin.forms"),
    getTranslations("admin.webhooks"),
    failureTexts(),
    listUsers(db, tenant.id),
    listApiKeys(db, tenant.id),
    adminLabels("settings"),
  ]);
  const canManage = can(caller.role, "manage");
  const readiness = paymentsReadiness(tenant, env().stripe);
  const done = firstParam(params.done);
  const doneText = (what: string) =>
    what === "member"
      ? t("memberAdded")
      : what === "memberRemoved" || what === "roleChanged" || what === "passwordReset"
        ? t(what)
        : tf("saved");
  const error = firstParam(params.error);
  const section = firstParam(params.section);
  // What happened shows where it happened: a section's outcome in that section.
  const message = (forSection: string) =>
    section !== forSection ? null : error ? (
      <Notice kind="error" className="mt-2">
        {failed(error)}
      </Notice>
    ) : done ? (
      <Notice kind="ok" className="mt-2">
        {doneText(done)}
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
      {done && !section && <Notice kind="ok">{doneText(done)}</Notice>}

      <ModuleSection tenant={tenant} canManage={canManage} message={message("module")} />

      <Card id="profile" title={t("profile")} titleId="profile-title">
        <BusinessProfileForm
          action={saveProfileAction}
          initialState={{ attempt: 0, values: profileValues(tenant), problems: {} }}
          timeZones={timeZoneOptions(new Date())}
          canManage={canManage}
          labels={profileLabels}
        />
      </Card>

      <Card id="payments" title={t("payments.title")} titleId="payments-title">
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
                vatRate: tenant.vatRateBp === null ? "" : String(tenant.vatRateBp / 100),
              },
              problems: {},
            }}
            canManage={canManage}
            labels={profileLabels}
          />
        )}
      </Card>

      <Card id="account" title={t("account.title")} titleId="account-title">
        <OwnAccountForm
          action={changeOwnAccountAction}
          email={users.find((u) => u.id === caller.id)?.email ?? ""}
          labels={profileLabels}
        />
      </Card>

      <TeamSection
        users={users}
        caller={caller}
        canManage={canManage}
        confirmRemove={firstParam(params.remove)}
        message={message("team")}
      />
      <RetentionSection tenant={tenant} canManage={canManage} message={message("privacy")} />
      <ConsentSection tenant={tenant} canManage={canManage} message={message("consent")} />

      <EmbedSettings
        save={saveEmbedOriginsAction}
        tenant={tenant}
        bookingUrl={ownHostLink(await headers(), tenant, env().appRootDomain)}
        canManage={canManage}
        message={message("website")}
      />

      <KeysSection
        tenant={tenant}
        keys={keys}
        canManage={canManage}
        confirmRevoke={firstParam(params.revoke)}
        message={message("keys")}
      />

      {canManage && (
        <Card
          id="webhooks"
          title={tw("title")}
          titleId="webhooks-title"
          description={tw("settingsIntro")}
        >
          <Link
            href="/admin/settings/webhooks"
            className={buttonClass("secondary", "md", "mt-3 inline-block")}
          >
            {tw("manage")}
          </Link>
        </Card>
      )}
    </section>
  );
}
