"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { dashboardAction } from "@/lib/access/action-caller";
import { env } from "@/lib/env";
import { hrefWith } from "@/lib/http/href-with";
import { resendConfirmation } from "@/lib/signup/confirm-email";
import { finishGuide } from "@/lib/signup/first-run";
import { confirmLinks } from "@/lib/tenants/booking-link";

// The first-run guide's buttons (owners and admins).

export async function resendConfirmationAction() {
  const result = await dashboardAction("manage", async ({ db, tenant }) =>
    resendConfirmation(
      db,
      tenant,
      new Date(),
      confirmLinks(await headers(), tenant, env().appRootDomain),
    ),
  );
  redirect(hrefWith("/admin", result.ok ? { done: "linkSent" } : { error: result.code }));
}

export async function hideGuideAction() {
  await dashboardAction("manage", ({ db, tenant }) => finishGuide(db, tenant.id, new Date()));
  redirect("/admin");
}
