import "server-only";
import { getMessages } from "next-intl/server";
import { flattenMessages } from "@/lib/i18n/flatten";

/** Texts of `admin.<section>` and the shared form texts, flat, for a client component's props. */
export async function adminLabels(section: string): Promise<Record<string, string>> {
  const admin = (await getMessages()).admin as Record<string, unknown>;
  return { ...flattenMessages(admin.forms), ...flattenMessages(admin[section]) };
}
