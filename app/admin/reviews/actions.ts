"use server";

import { redirect } from "next/navigation";
import { dashboardAction } from "@/lib/access/action-caller";
import { expectArgs, isForm, isText } from "@/lib/http/action-args";
import { readForm } from "@/lib/http/form-input";
import { hrefWith } from "@/lib/http/page-params";
import { hideReview, hideSchema, replySchema, replyToReview } from "@/lib/reviews";
import { uuidSchema } from "@/lib/validation";

/** The business's public reply to a review (once). */
export async function replyAction(id: string, form: FormData) {
  expectArgs(isText(id) && isForm(form));
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    replyToReview(
      db,
      tenant,
      uuidSchema.parse(id),
      readForm(form, replySchema).reply,
      actor,
      new Date(),
    ),
  );
  redirect(hrefWith("/admin/reviews", result.ok ? { done: "replied" } : { error: result.code }));
}

/** Takes a review off the public page, with the reason given. */
export async function hideAction(id: string, form: FormData) {
  expectArgs(isText(id) && isForm(form));
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    hideReview(
      db,
      tenant,
      uuidSchema.parse(id),
      readForm(form, hideSchema).reason,
      actor,
      new Date(),
    ),
  );
  redirect(hrefWith("/admin/reviews", result.ok ? { done: "hidden" } : { error: result.code }));
}
