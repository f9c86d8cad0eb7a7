"use server";

import { redirect } from "next/navigation";
import { dashboardAction } from "@/lib/access/action-caller";
import { saveOwnHours } from "@/lib/availability/availability";
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

/** Saves the Team page's form: the same body and schema as `POST`/`PUT /api/staff`. */
export async function saveStaffAction(id: string | null, body: unknown) {
  return dashboardAction("manage", async ({ db, tenant, actor }) => {
    const input = staffInputSchema.parse(body);
    return saveOwnHours(id, body, {
      get: (staffId) => getStaff(db, tenant.id, staffId),
      update: (staffId) => updateStaff(db, tenant, staffId, input, actor),
      create: () => createStaff(db, tenant, input, actor),
    });
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
    return saveOwnHours(id, body, {
      get: (resourceId) => getResource(db, tenant.id, resourceId),
      update: (resourceId) => updateResource(db, tenant, resourceId, input, actor),
      create: () => createResource(db, tenant, input, actor),
    });
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
    return saveOwnHours(id, body, {
      get: (locationId) => getLocation(db, tenant.id, locationId),
      update: (locationId) => updateLocation(db, tenant, locationId, input, actor),
      create: () => createLocation(db, tenant, input, actor),
    });
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
