import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { Tenant } from "@/db/schema";
import { saveConsentAction, saveRetentionAction } from "../actions";

interface SectionProps {
  tenant: Tenant;
  canManage: boolean;
  message: React.ReactNode;
}

/** How long customers' files are kept after their last booking. */
export async function RetentionSection({ tenant, canManage, message }: SectionProps) {
  const t = await getTranslations("admin.settings");
  return (
    <Card id="privacy" title={t("privacy")} titleId="privacy-title" description={t("privacyIntro")}>
      <form action={saveRetentionAction} className="mt-3 flex flex-wrap items-end gap-3">
        <Field id="customerRetentionMonths" label={t("retention")}>
          <Input
            compact
            id="customerRetentionMonths"
            name="customerRetentionMonths"
            type="number"
            min={1}
            max={120}
            inputMode="numeric"
            defaultValue={tenant.customerRetentionMonths ?? ""}
            disabled={!canManage}
            aria-describedby="retention-hint"
            className="text-sm mt-1 w-32"
          />
        </Field>
        {canManage && <Button type="submit">{t("saveRetention")}</Button>}
      </form>
      <p id="retention-hint" className="mt-1 text-xs text-slate-600">
        {t("retentionHint")}
      </p>
      {message}
    </Card>
  );
}

/** The privacy notice customers are shown, and whether marketing consent is asked. */
export async function ConsentSection({ tenant, canManage, message }: SectionProps) {
  const t = await getTranslations("admin.settings");
  return (
    <Card id="consent" title={t("consent")} titleId="consent-title" description={t("consentIntro")}>
      <form action={saveConsentAction} className="mt-3 flex flex-col gap-3">
        <Field id="privacyNoticeUrl" label={t("privacyNoticeUrl")}>
          <Input
            compact
            id="privacyNoticeUrl"
            name="privacyNoticeUrl"
            type="url"
            maxLength={500}
            placeholder="https://"
            defaultValue={tenant.privacyNoticeUrl ?? ""}
            disabled={!canManage}
            aria-describedby="privacy-notice-hint"
            className="text-sm mt-1 w-full max-w-lg"
          />
        </Field>
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
          <Button type="submit" className="self-start">
            {t("saveConsent")}
          </Button>
        )}
      </form>
      {message}
    </Card>
  );
}
