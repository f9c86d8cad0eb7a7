"use server";

import { redirect } from "next/navigation";
import { dashboardAction } from "@/lib/access/action-caller";
import { createActivity, deleteActivity, updateActivity } from "@/lib/activities/activities";
import {
  type ActivityFormState,
  activityBody,
  activityFormFields,
} from "@/lib/activities/activity-form";
import { activityInputSchema } from "@/lib/activities/schema";
import { formText } from "@/lib/http/form-input";
import { hrefWith } from "@/lib/http/page-params";
import { uuidSchema } from "@/lib/validation";

/** Creates (no id) or updates an activity from the dashboard form. */
export async function saveActivityAction(
  id: string | null,
  previous: ActivityFormState,
  form: FormData,
): Promise<ActivityFormState> {
  const values = formText(form, activityFormFields);
  const result = await dashboardAction("manage", async ({ db, tenant, actor }) => {
    const input = activityInputSchema.parse(activityBody(values));
    return id
      ? updateActivity(db, tenant, uuidSchema.parse(id), input, actor)
      : createActivity(db, tenant, input, actor);
  });
  if (result.ok) redirect("/admin/activities?saved=1");
  const answer = { attempt: previous.attempt + 1, values, errors: {} };
  if (result.code === "VALIDATION_ERROR") return { ...answer, errors: result.problems ?? {} };
  return { ...answer, formError: result.code === "FORBIDDEN" ? "forbidden" : "failed" };
}

export async function deleteActivityAction(id: string) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    deleteActivity(db, tenant, uuidSchema.parse(id), actor, new Date()),
  );
  redirect(
    hrefWith("/admin/activities", result.ok ? { deleted: "1" } : { error: result.code, id }),
  );
}
