import type { AuditEntry, Tenant } from "@/db/schema";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";

/** The appointment an entry is about, when it is one: its client and (current) start. */
export interface AuditedAppointment {
  clientName: string;
  startsAt: Date;
}

/**
 * An audit entry as the message key of a sentence and the values to fill it with, in the
 * business's zone and language ("{who} confirmed {client}'s appointment of {when}"). The key is
 * the entry's action with "_" for "." (next-intl reads dots as nesting); an action without a
 * sentence of its own uses "other".
 */
export function auditSentence(
  entry: AuditEntry,
  appointment: AuditedAppointment | null,
  tenant: Pick<Tenant, "timeZone" | "locale">,
  known: ReadonlySet<string>,
): { key: string; values: Record<string, string> } {
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const when = (value: unknown) => {
    const instant = value instanceof Date ? value : new Date(text(value));
    return Number.isNaN(instant.getTime())
      ? ""
      : formatDateTime(instant, tenant.timeZone, tenant.locale);
  };
  const values: Record<string, string> = {
    action: entry.action,
    client: appointment?.clientName ?? "",
    when: appointment ? when(appointment.startsAt) : "",
    from: when(before.startsAt),
    to: when(after.startsAt),
    status: text(after.status),
    name: text(after.name) || text(before.name),
    role: text(after.role),
    enabled: after.enabled === true ? "on" : "off",
    amount:
      typeof after.amountMinor === "number" && typeof after.currency === "string"
        ? formatPrice(after.amountMinor, after.currency, tenant.locale)
        : "",
  };
  // An appointment's entry names its start at the time: where it was moved to, or is.
  if (entry.action === "appointment.create")
    values.when = when(after.startsAt) || (values.when ?? "");
  const key = entry.action.replaceAll(".", "_");
  return { key: known.has(key) ? key : "other", values };
}
