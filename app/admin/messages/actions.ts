"use server";

import { redirect } from "next/navigation";
import { dashboardAction } from "@/lib/access/action-caller";
import { hrefWith } from "@/lib/http/page-params";
import { retryMessage } from "@/lib/messages/outbox";
import { uuidSchema } from "@/lib/validation";

/** Sends a failed message again, now. */
export async function retryMessageAction(id: string) {
  const result = await dashboardAction("manage", ({ db, tenant }) =>
    retryMessage(db, tenant.id, uuidSchema.parse(id), new Date()),
  );
  redirect(hrefWith("/admin/messages", result.ok ? { retried: "1" } : { error: result.code }));
}
