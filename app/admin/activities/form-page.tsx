import { getTranslations } from "next-intl/server";
import { ActivityForm } from "@/components/admin/activity-form";
import type { Activity, Tenant } from "@/db/schema";
import { listActivities } from "@/lib/activities/activities";
import { activityValues } from "@/lib/activities/activity-form";
import { adminLabels } from "@/lib/admin/form-labels";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { paymentsReadiness } from "@/lib/payments/rule";
import { listResources } from "@/lib/resources/resources";
import { nextServiceColor } from "@/lib/staff/colors";
import { saveActivityAction } from "./actions";

/** The create and edit pages of an activity: one form. */
export async function ActivityFormPage({
  tenant,
  activity,
}: {
  tenant: Tenant;
  activity?: Activity;
}) {
  const t = await getTranslations("admin.activities");
  const labels = await adminLabels("activities");
  const fields = Object.fromEntries(
    Object.entries(labels)
      .filter(([k]) => k.startsWith("fields."))
      .map(([k, v]) => [k.slice("fields.".length), v.replace("{currency}", tenant.currency)]),
  );
  const db = await getDb();
  const color = activity
    ? undefined
    : nextServiceColor((await listActivities(db, tenant.id)).map((a) => a.color));
  return (
    <section>
      <h1 className="text-2xl font-semibold">
        {activity ? t("editTitle", { name: activity.name }) : t("newTitle")}
      </h1>
      <ActivityForm
        action={saveActivityAction.bind(null, activity?.id ?? null)}
        initialState={{
          attempt: 0,
          values: activityValues(activity, tenant.currency, color),
          errors: {},
        }}
        labels={{ ...labels, ...fields }}
        kinds={[...new Set((await listResources(db, tenant.id)).map((r) => r.kind))]}
        payments={paymentsReadiness(tenant, env().stripe)}
      />
    </section>
  );
}
