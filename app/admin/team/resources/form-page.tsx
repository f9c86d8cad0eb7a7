import { getTranslations } from "next-intl/server";
import { saveResourceAction } from "@/app/admin/team/actions";
import { ResourceForm } from "@/components/admin/resource-form";
import type { Resource, Tenant } from "@/db/schema";
import { listActivities } from "@/lib/activities/activities";
import { adminLabels } from "@/lib/admin/form-labels";
import { availabilityVersion, getAvailability } from "@/lib/availability/availability";
import { toOwnHoursJson } from "@/lib/availability/own-hours";
import { getDb } from "@/lib/db";
import { weekdayNames } from "@/lib/i18n/format";
import { listLocations } from "@/lib/locations/locations";
import { listResources } from "@/lib/resources/resources";

/** The create and edit pages of a resource: one form. */
export async function ResourceFormPage({
  tenant,
  resource,
}: {
  tenant: Tenant;
  resource?: Resource;
}) {
  const db = await getDb();
  const [t, labels, activities, resources, locations, business] = await Promise.all([
    getTranslations("admin.resources"),
    Promise.all([adminLabels("availability"), adminLabels("resources")]).then(([a, b]) => ({
      ...a,
      ...b,
    })),
    listActivities(db, tenant.id),
    listResources(db, tenant.id),
    listLocations(db, tenant.id),
    getAvailability(db, tenant.id),
  ]);
  const kinds = [
    ...new Set([
      ...resources.map((r) => r.kind),
      ...activities.flatMap((a) => (a.resourceKind ? [a.resourceKind] : [])),
    ]),
  ].sort();
  return (
    <section>
      <h1 className="text-2xl font-semibold">
        {resource ? t("editTitle", { name: resource.name }) : t("newTitle")}
      </h1>
      <ResourceForm
        save={saveResourceAction}
        version={resource ? availabilityVersion(toOwnHoursJson(resource)) : undefined}
        resourceId={resource?.id ?? null}
        initial={{
          name: resource?.name ?? "",
          kind: resource?.kind ?? kinds[0] ?? "",
          locationId: resource?.locationId ?? locations[0]?.id ?? "",
          ...(resource ? toOwnHoursJson(resource) : { weeklySlots: null, exceptions: [] }),
        }}
        businessWeek={business.weeklySlots}
        kinds={kinds}
        locations={locations.map((l) => ({ id: l.id, name: l.name }))}
        dayNames={weekdayNames(tenant.locale)}
        labels={labels}
      />
    </section>
  );
}
