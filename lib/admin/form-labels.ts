import "server-only";
import { getMessages } from "next-intl/server";
import { failureText } from "@/lib/errors/failure-text";
import { flattenMessages } from "@/lib/i18n/flatten";

/**
 * Texts of `admin.<section>`, the shared form texts, the field problems ("problem.required") and
 * the refusals ("failure.FORBIDDEN"), flat, for a client component's props.
 */
export async function adminLabels(section: string): Promise<Record<string, string>> {
  const messages = await getMessages();
  const admin = messages.admin as Record<string, unknown>;
  return {
    ...flattenMessages(admin.forms),
    ...flattenMessages(admin[section]),
    ...flattenMessages({ problem: messages.problems }),
    ...flattenMessages({ failure: messages.failures }),
  };
}

/** The dashboard's text for a refusal, on a server page: `failure("STAFF_IN_USE")`. */
export async function failureTexts(): Promise<(code: string) => string> {
  const labels = flattenMessages({ failure: (await getMessages()).failures });
  return (code) => failureText(code, labels);
}
