"use server";

import { revalidatePath } from "next/cache";
import type { CustomerNotesState } from "@/components/admin/customer-notes-form";
import { dashboardAction } from "@/lib/auth/action-caller";
import { updateCustomer } from "@/lib/customers/customers";
import { customerUpdateSchema } from "@/lib/customers/schema";
import { uuidSchema } from "@/lib/validation";

/** Saves a customer's notes and tags (comma-separated in the form). */
export async function saveCustomerNotesAction(
  id: string,
  previous: CustomerNotesState,
  form: FormData,
): Promise<CustomerNotesState> {
  const values = { notes: String(form.get("notes") ?? ""), tags: String(form.get("tags") ?? "") };
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
