"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { WebhookFormState } from "@/components/admin/webhook-form";
import { dashboardAction } from "@/lib/access/action-caller";
import { env } from "@/lib/env";
import { readForm, typed } from "@/lib/http/form-input";
import { hrefWith } from "@/lib/http/page-params";
import { uuidSchema } from "@/lib/validation";
import {
  createWebhook,
  deleteWebhook,
  rotateWebhookSecret,
  updateWebhook,
} from "@/lib/webhooks/endpoints";
import { resendDelivery, sendTestEvent } from "@/lib/webhooks/log";
import { webhookCreateSchema, webhookUpdateSchema } from "@/lib/webhooks/schema";

// Webhook forms work without JavaScript: those that change a setting come back to the page with
// what happened in the query. A signing secret is never put in a URL: it comes back as the action's
// state (see WebhookForm), shown once.

const LIST = "/admin/settings/webhooks";
const pageOf = (id: string) => `${LIST}/${id}`;

const webhookForm = z.object({
  url: typed(),
  description: typed(),
  events: z.array(z.string()).default([]),
});

const options = () => ({ allowPrivate: env().webhooksAllowPrivate });

/** Adds an endpoint; answers with its secret, and an empty form for the next. */
export async function createWebhookAction(
  previous: WebhookFormState,
  form: FormData,
): Promise<WebhookFormState> {
  const values: WebhookFormState["values"] = readForm(form, webhookForm);
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    createWebhook(db, tenant.id, webhookCreateSchema.parse(values), actor, options()),
  );
  const attempt = previous.attempt + 1;
  if (!result.ok) return { attempt, values, problems: result.problems ?? {}, outcome: result.code };
  revalidatePath(LIST);
  return {
    attempt,
    values: { url: "", description: "", events: values.events },
    problems: {},
    outcome: "created",
    secret: result.value.secret,
  };
}

/** Saves an endpoint's URL, description and events. */
export async function updateWebhookAction(
  id: string,
  previous: WebhookFormState,
  form: FormData,
): Promise<WebhookFormState> {
  const values: WebhookFormState["values"] = readForm(form, webhookForm);
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    updateWebhook(db, tenant.id, uuidSchema.parse(id), webhookUpdateSchema.parse(values), actor, {
      ...options(),
      now: new Date(),
    }),
  );
  const attempt = previous.attempt + 1;
  if (!result.ok) return { attempt, values, problems: result.problems ?? {}, outcome: result.code };
  revalidatePath(pageOf(id));
  return { attempt, values, problems: {}, outcome: "saved" };
}

export async function setWebhookEnabledAction(id: string, enabled: boolean) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    updateWebhook(db, tenant.id, uuidSchema.parse(id), { enabled }, actor, {
      ...options(),
      now: new Date(),
    }),
  );
  redirect(hrefWith(pageOf(id), result.ok ? { done: "saved" } : { error: result.code }));
}

export async function sendTestAction(id: string) {
  const result = await dashboardAction("manage", ({ db, tenant }) =>
    sendTestEvent(db, tenant.id, uuidSchema.parse(id), new Date()),
  );
  redirect(hrefWith(pageOf(id), result.ok ? { done: "testSent" } : { error: result.code }));
}

export async function resendAction(id: string, deliveryId: string) {
  const result = await dashboardAction("manage", ({ db, tenant }) =>
    resendDelivery(db, tenant.id, uuidSchema.parse(id), uuidSchema.parse(deliveryId), new Date()),
  );
  redirect(hrefWith(pageOf(id), result.ok ? { done: "resent" } : { error: result.code }));
}

/** A new signing secret, answered as the action's state (never in a URL). */
export async function rotateSecretAction(
  id: string,
  _previous: { secret?: string; error?: string },
): Promise<{ secret?: string; error?: string }> {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    rotateWebhookSecret(db, tenant.id, uuidSchema.parse(id), actor, new Date()),
  );
  return result.ok ? { secret: result.value.secret } : { error: result.code };
}

export async function deleteWebhookAction(id: string) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    deleteWebhook(db, tenant.id, uuidSchema.parse(id), actor),
  );
  redirect(
    result.ok ? hrefWith(LIST, { done: "deleted" }) : hrefWith(pageOf(id), { error: result.code }),
  );
}
