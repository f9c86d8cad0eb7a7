import type { AuditEntry, Tenant } from "@/db/schema";
import { formatDateTime, formatPrice, placeTime } from "@/lib/i18n/format";

const of = (name: string, locale: Tenant["locale"]) =>
  locale === "fr" ? (/^[aeiouyhàâäéèêëîïôöùûü]/i.test(name) ? `d’${name}` : `de ${name}`) : name;

/** The appointment an entry is about, when it is one: its client and (current) start. */
export interface AuditedAppointment {
  clientName: string;
  startsAt: Date;
  /** The zone of its place, when not the business's. */
  timeZone?: string | null;
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
    if (Number.isNaN(instant.getTime())) return "";
    const there = placeTime(
      instant,
      appointment?.timeZone ?? tenant.timeZone,
      tenant.timeZone,
      tenant.locale,
    );
    const here = formatDateTime(instant, tenant.timeZone, tenant.locale);
    return there ? `${here} (${there})` : here;
  };
  const client = appointment?.clientName ?? "";
  const name = text(after.name) || text(before.name);
  const values: Record<string, string> = {
    action: entry.action,
    client,
    // French elides "de" before a vowel or a mute h: "d'Anne", "de Marc".
    ofClient: of(client, tenant.locale),
    // The start the entry recorded (what it was then), else the appointment's own.
    when: when(after.startsAt) || (appointment ? when(appointment.startsAt) : ""),
    from: when(before.startsAt),
    to: when(after.startsAt),
    status: text(after.status),
    name,
    ofName: of(name, tenant.locale),
    role: text(after.role),
    enabled: after.enabled === true ? "on" : "off",
    // Which setting of online booking changed: on/off, or how bookings are confirmed.
    module:
      before.enabled !== undefined && before.enabled !== after.enabled
        ? "switch"
        : text(after.confirmOnlineBookings) || "switch",
    amount:
      typeof after.amountMinor === "number" && typeof after.currency === "string"
        ? formatPrice(after.amountMinor, after.currency, tenant.locale)
        : "",
  };
  const key = entry.action.replaceAll(".", "_");
  return { key: known.has(key) ? key : "other", values };
}
