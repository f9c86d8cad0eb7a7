import "server-only";
import { getMessages } from "next-intl/server";
import { flattenMessages } from "@/lib/i18n/flatten";

/**
 * Texts of `admin.<section>`, the shared form texts and the field problems ("problem.required"),
 * flat, for a client component's props.
 */
export async function adminLabels(section: string): Promise<Record<string, string>> {
  const messages = await getMessages();
  const admin = messages.admin as Record<string, unknown>;
  return {
    ...flattenMessages(admin.forms),
    ...flattenMessages(admin[section]),
    ...flattenMessages({ problem: messages.problems }),
  };
}
