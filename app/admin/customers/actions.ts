"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { CustomerNotesState } from "@/components/admin/customer-notes-form";
import { dashboardAction } from "@/lib/access/action-caller";
import { updateCustomer } from "@/lib/customers/customers";
import { eraseCustomer } from "@/lib/customers/erase";
import { customerUpdateSchema } from "@/lib/customers/schema";
import { formText } from "@/lib/http/form-input";
import { hrefWith } from "@/lib/http/page-params";
import { uuidSchema } from "@/lib/validation";

/** Saves a customer's notes and tags (comma-separated in the form). */
export async function saveCustomerNotesAction(
  id: string,
  previous: CustomerNotesState,
  form: FormData,
): Promise<CustomerNotesState> {
  const values = formText(form, ["notes", "tags"]);
  const result = await dashboardAction("appointments", ({ db, tenant, actor }) =>
    updateCustomer(
      db,
      tenant.id,
      uuidSchema.parse(id),
      customerUpdateSchema.parse({
        notes: values.notes,
        tags: values.tags
          .split(",")
          .map((tag) => tag.trim())
          .filter(Boolean),
      }),
      actor,
      new Date(),
    ),
  );
  const attempt = previous.attempt + 1;
  if (!result.ok) return { attempt, values, outcome: result.code };
  revalidatePath(`/admin/customers/${id}`);
  return {
    attempt,
    values: { notes: result.value.notes, tags: result.value.tags.join(", ") },
    outcome: "saved",
  };
}

/** Erases a customer for good, then back to the list (or to their page with why not). */
export async function eraseCustomerAction(id: string) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    eraseCustomer(db, tenant.id, uuidSchema.parse(id), actor, new Date()),
  );
  redirect(
    result.ok
      ? hrefWith("/admin/customers", { erased: "1" })
      : hrefWith(`/admin/customers/${id}`, { error: result.code }),
  );
}
