import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { Tenant } from "@/db/schema";
import { setConfirmationAction, setModuleAction } from "../actions";

/** Whether customers can book online, and the switch. */
export async function ModuleSection(props: {
  tenant: Tenant;
  canManage: boolean;
  message: React.ReactNode;
}) {
  const t = await getTranslations("admin.settings");
  const on = props.tenant.appointmentModuleEnabled;
  return (
    <Card id="module" title={t("module")} titleId="module-title">
      <p className="mt-1 text-sm text-slate-700" data-testid="module-state">
        {on ? t("moduleOn") : t("moduleOff")}
      </p>
      {props.canManage && (
        <form action={setModuleAction.bind(null, !on)} className="mt-3">
          <Button type="submit">{on ? t("turnOff") : t("turnOn")}</Button>
        </form>
      )}
      <form action={setConfirmationAction} className="mt-4">
        <fieldset disabled={!props.canManage} className="space-y-1 text-sm">
          <legend className="font-medium">{t("confirmTitle")}</legend>
          {(["automatic", "manual"] as const).map((mode) => (
            <label key={mode} className="flex items-start gap-2">
              <input
                type="radio"
                name="confirmOnlineBookings"
                value={mode}
                defaultChecked={props.tenant.confirmOnlineBookings === mode}
                className="mt-1"
              />
              {t(mode === "automatic" ? "confirmAutomatic" : "confirmManual")}
            </label>
          ))}
          {props.canManage && (
            <Button type="submit" variant="secondary" className="mt-2">
              {t("confirmSave")}
            </Button>
          )}
        </fieldset>
      </form>
      {props.message}
    </Card>
  );
}
