"use server";

import { redirect } from "next/navigation";
import { dashboardAction } from "@/lib/auth/action-caller";
import { hrefWith } from "@/lib/http/page-params";
import { staffInputSchema } from "@/lib/staff/schema";
import { createStaff, deleteStaff, updateStaff } from "@/lib/staff/staff";
import { uuidSchema } from "@/lib/validation";

/** Saves the Team page's form: the same body and schema as `POST`/`PUT /api/staff`. */
export async function saveStaffAction(id: string | null, body: unknown) {
  return dashboardAction("manage", async ({ db, tenant, actor }) => {
    const input = staffInputSchema.parse(body);
    const saved = id
      ? await updateStaff(db, tenant, uuidSchema.parse(id), input, actor)
      : await createStaff(db, tenant, input, actor);
    return saved.id;
  });
}

export async function deleteStaffAction(id: string) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    deleteStaff(db, tenant, uuidSchema.parse(id), actor, new Date()),
  );
  redirect(hrefWith("/admin/team", result.ok ? { deleted: "1" } : { error: result.code, id }));
}
