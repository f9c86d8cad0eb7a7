import { getTranslations } from "next-intl/server";
import { saveStaffAction } from "@/app/admin/team/actions";
import { StaffForm } from "@/components/admin/staff-form";
import type { Tenant } from "@/db/schema";
import { listActivities } from "@/lib/activities/activities";
import { adminLabels } from "@/lib/admin/form-labels";
import { availabilityVersion, getAvailability } from "@/lib/availability/availability";
import { toOwnHoursJson } from "@/lib/availability/own-hours";
import { getDb } from "@/lib/db";
import { weekdayNames } from "@/lib/i18n/format";
import { listLocations } from "@/lib/locations/locations";
import { nextStaffColor } from "@/lib/staff/colors";
import { listStaff, type StaffRow, toStaffJson } from "@/lib/staff/staff";
import { listUsers } from "@/lib/users/create-user";

/** The create and edit pages of a staff member: one form. */
export async function StaffFormPage({ tenant, staff }: { tenant: Tenant; staff?: StaffRow }) {
  const db = await getDb();
  const [t, labels, activities, users, business, team, locations] = await Promise.all([
    getTranslations("admin.team"),
    Promise.all([adminLabels("availability"), adminLabels("team")]).then(([a, b]) => ({
      ...a,
      ...b,
    })),
    listActivities(db, tenant.id),
    listUsers(db, tenant.id),
    getAvailability(db, tenant.id),
    listStaff(db, tenant.id),
    listLocations(db, tenant.id),
  ]);
  const json = staff ? toStaffJson(staff) : null;
  return (
    <section>
      <h1 className="text-2xl font-semibold">
        {staff ? t("editTitle", { name: staff.name }) : t("newTitle")}
      </h1>
      <StaffForm
        save={saveStaffAction}
        version={staff ? availabilityVersion(toOwnHoursJson(staff)) : undefined}
        staffId={staff?.id ?? null}
        initial={{
          name: json?.name ?? "",
          color: json?.color ?? nextStaffColor(team.map((s) => s.color)),
          userId: json?.userId ?? null,
          locationId: json?.locationId ?? locations[0]?.id ?? "",
          // A new staff member performs every service until told otherwise.
          activityIds: json?.activityIds ?? activities.map((a) => a.id),
          weeklySlots: json?.weeklySlots ?? null,
          exceptions: json?.exceptions ?? [],
        }}
        businessWeek={business.weeklySlots}
        services={activities.map((a) => ({ id: a.id, name: a.name }))}
        users={users.map((u) => ({ id: u.id, label: `${u.name} (${u.email})` }))}
        locations={locations.map((l) => ({ id: l.id, name: l.name }))}
        dayNames={weekdayNames(tenant.locale)}
        labels={labels}
      />
    </section>
  );
}
