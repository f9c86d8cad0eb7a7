import type { Activity } from "@/db/schema";
import type { ClientInfo } from "@/lib/appointments";
import type { ErrorDetails } from "@/lib/errors/app-error";
import type { FieldProblems } from "@/lib/errors/field-problems";

/** The fields this activity requires that the customer left empty, as `details`. */
export function missingRequiredFields(
  activity: Activity,
  client: Pick<ClientInfo, "phone" | "address" | "customFieldValue">,
): ErrorDetails | null {
  const details: ErrorDetails = {};
  if (activity.requirePhone && !client.phone) details["clientInfo.phone"] = { text: "required" };
  if (activity.requireAddress && !client.address)
    details["clientInfo.address"] = { text: "required" };
  if (activity.requireCustomField && !client.customFieldValue) {
    details["clientInfo.customFieldValue"] = {
      text: "requiredNamed",
      values: { label: activity.customFieldLabel ?? "custom field" },
    };
  }
  return Object.keys(details).length ? details : null;
}

/** Each missing required field as a form problem ("required"), for the forms that show them. */
export const requiredProblems = (missing: ErrorDetails): FieldProblems =>
  Object.fromEntries(Object.keys(missing).map((k) => [k, { kind: "required" }])) as FieldProblems;
