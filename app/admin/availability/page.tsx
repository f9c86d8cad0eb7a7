import { getTranslations } from "next-intl/server";
import { saveAvailabilityAction } from "@/app/admin/availability/actions";
import { AvailabilityEditor } from "@/components/admin/availability-editor";
import { requirePageCaller } from "@/lib/access/page-caller";
import { adminLabels } from "@/lib/admin/form-labels";
import { can } from "@/lib/auth/authenticate";
import { availabilityVersion, getAvailability } from "@/lib/availability/availability";
import { getDb } from "@/lib/db";
import { weekdayNames } from "@/lib/i18n/format";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.nav.availability");

export default async function AvailabilityPage() {
  const { tenant, caller } = await requirePageCaller();
  const [t, tf, labels, availability] = await Promise.all([
    getTranslations("admin.availability"),
    getTranslations("admin.forms"),
    adminLabels("availability"),
    getAvailability(await getDb(), tenant.id),
  ]);
  const canManage = can(caller.role, "manage");
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro", { zone: tenant.timeZone })}</p>
      {!canManage && <p className="mt-1 text-sm text-slate-600">{tf("readOnly")}</p>}
      <AvailabilityEditor
        save={saveAvailabilityAction}
        initial={availability}
        version={availabilityVersion(availability)}
        dayNames={weekdayNames(tenant.locale)}
        labels={labels}
        canManage={canManage}
      />
    </section>
  );
}
