"use server";

import { redirect } from "next/navigation";
import { dashboardAction } from "@/lib/access/action-caller";
import { assertOwnHoursVersion, availabilityVersion } from "@/lib/availability/availability";
import { toOwnHoursJson } from "@/lib/availability/own-hours";
import { hrefWith } from "@/lib/http/page-params";
import {
  createLocation,
  deleteLocation,
  getLocation,
  updateLocation,
} from "@/lib/locations/locations";
import { locationInputSchema } from "@/lib/locations/schema";
import {
  createResource,
  deleteResource,
  getResource,
  updateResource,
} from "@/lib/resources/resources";
import { resourceInputSchema } from "@/lib/resources/schema";
import { staffInputSchema } from "@/lib/staff/schema";
import { createStaff, deleteStaff, getStaff, updateStaff } from "@/lib/staff/staff";
import { uuidSchema } from "@/lib/validation";

/** The version of the hours a form's changes were made to (see assertOwnHoursVersion). */
const basisOf = (body: unknown) => (body as { basis?: unknown } | null)?.basis;

/** Saves the Team page's form: the same body and schema as `POST`/`PUT /api/staff`. */
export async function saveStaffAction(id: string | null, body: unknown) {
  return dashboardAction("manage", async ({ db, tenant, actor }) => {
    const input = staffInputSchema.parse(body);
    if (id) assertOwnHoursVersion(toOwnHoursJson(await getStaff(db, tenant.id, id)), basisOf(body));
    const saved = id
      ? await updateStaff(db, tenant, uuidSchema.parse(id), input, actor)
      : await createStaff(db, tenant, input, actor);
    return availabilityVersion(toOwnHoursJson(saved));
  });
}

export async function deleteStaffAction(id: string) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    deleteStaff(db, tenant, uuidSchema.parse(id), actor, new Date()),
  );
  redirect(hrefWith("/admin/team", result.ok ? { deleted: "1" } : { error: result.code, id }));
}

/** Saves a resource: the same body and schema as `POST`/`PUT /api/resources`. */
export async function saveResourceAction(id: string | null, body: unknown) {
  return dashboardAction("manage", async ({ db, tenant, actor }) => {
    const input = resourceInputSchema.parse(body);
    if (id) {
      assertOwnHoursVersion(toOwnHoursJson(await getResource(db, tenant.id, id)), basisOf(body));
    }
    const saved = id
      ? await updateResource(db, tenant, uuidSchema.parse(id), input, actor)
      : await createResource(db, tenant, input, actor);
    return availabilityVersion(toOwnHoursJson(saved));
  });
}

export async function deleteResourceAction(id: string) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    deleteResource(db, tenant, uuidSchema.parse(id), actor, new Date()),
  );
  redirect(
    hrefWith("/admin/team", result.ok ? { deleted: "resource" } : { error: result.code, id }),
  );
}

/** Saves a location: the same body and schema as `POST`/`PUT /api/locations`. */
export async function saveLocationAction(id: string | null, body: unknown) {
  return dashboardAction("manage", async ({ db, tenant, actor }) => {
    const input = locationInputSchema.parse(body);
    if (id) {
      assertOwnHoursVersion(toOwnHoursJson(await getLocation(db, tenant.id, id)), basisOf(body));
    }
    const saved = id
      ? await updateLocation(db, tenant, uuidSchema.parse(id), input, actor)
      : await createLocation(db, tenant, input, actor);
    return availabilityVersion(toOwnHoursJson(saved));
  });
}

export async function deleteLocationAction(id: string) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    deleteLocation(db, tenant, uuidSchema.parse(id), actor, new Date()),
  );
  redirect(
    hrefWith("/admin/team", result.ok ? { deleted: "location" } : { error: result.code, id }),
  );
}
