import { getTranslations } from "next-intl/server";
import { saveLocationAction } from "@/app/admin/team/actions";
import { LocationForm } from "@/components/admin/location-form";
import type { Location, Tenant } from "@/db/schema";
import { adminLabels } from "@/lib/admin/form-labels";
import { availabilityVersion, getAvailability } from "@/lib/availability/availability";
import { toOwnHoursJson } from "@/lib/availability/own-hours";
import { getDb } from "@/lib/db";
import { weekdayNames } from "@/lib/i18n/format";
import { timeZoneOptions } from "@/lib/i18n/time-zones";

/** The create and edit pages of a location: one form; empty fields are the business's. */
export async function LocationFormPage({
  tenant,
  location,
}: {
  tenant: Tenant;
  location?: Location;
}) {
  const db = await getDb();
  const [t, labels, business] = await Promise.all([
    getTranslations("admin.locations"),
    Promise.all([adminLabels("availability"), adminLabels("locations")]).then(([a, b]) => ({
      ...a,
      ...b,
      "placeholder.address": tenant.address ?? "",
      "placeholder.contactEmail": tenant.contactEmail ?? "",
      "placeholder.contactPhone": tenant.contactPhone ?? "",
    })),
    getAvailability(db, tenant.id),
  ]);
  return (
    <section>
      <h1 className="text-2xl font-semibold">
        {location ? t("editTitle", { name: location.name }) : t("newTitle")}
      </h1>
      <p className="mt-1 text-sm text-slate-600">{t("formIntro", { zone: tenant.timeZone })}</p>
      <LocationForm
        save={saveLocationAction}
        version={location ? availabilityVersion(toOwnHoursJson(location)) : undefined}
        locationId={location?.id ?? null}
        initial={{
          name: location?.name ?? "",
          timeZone: location?.timeZone ?? "",
          address: location?.address ?? "",
          contactEmail: location?.contactEmail ?? "",
          contactPhone: location?.contactPhone ?? "",
          online: location?.online ?? false,
          meetingBaseUrl: location?.meetingBaseUrl ?? "",
          ...(location ? toOwnHoursJson(location) : { weeklySlots: null, exceptions: [] }),
        }}
        businessWeek={business.weeklySlots}
        timeZones={timeZoneOptions(new Date())}
        dayNames={weekdayNames(tenant.locale)}
        labels={labels}
      />
    </section>
  );
}
