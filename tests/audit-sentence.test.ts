import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { AuditEntry } from "@/db/schema";
import { auditSentence } from "@/lib/audit/audit-sentence";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";

const entry = (action: string, before: unknown, after: unknown): AuditEntry => ({
  tenantId: "t",
  id: "e",
  actorType: "user",
  actorId: null,
  actorLabel: "anna@salon.test",
  action,
  entityType: "appointment",
  entityId: "a",
  before,
  after,
  createdAt: new Date("2026-12-01T09:00:00Z"),
});

describe("audit sentences", () => {
  const keys = new Set(Object.keys(en.admin.audit.sentences));
  const appointment = { clientName: "Léa Martin", startsAt: new Date("2026-12-03T09:00:00Z") };
  const say = (locale: "fr" | "en", e: AuditEntry) => {
    const t = createTranslator({
      locale,
      messages: locale === "fr" ? fr : en,
      namespace: "admin.audit",
    });
    const tenant = { timeZone: "Europe/Paris", locale };
    const { key, values } = auditSentence(e, appointment, tenant, keys);
    return t(`sentences.${key}` as "sentences.other", { ...values, who: "Anna" });
  };

  it("names the client and the time, in the business's language and zone", () => {
    const confirmed = entry("appointment.status", { status: "pending" }, { status: "confirmed" });
    expect(say("fr", confirmed)).toBe(
      "Anna a confirmé le rendez-vous de Léa Martin du jeudi 3 décembre 2026 à 10:00.",
    );
    expect(say("en", confirmed)).toBe(
      "Anna confirmed Léa Martin’s appointment of Thursday, December 3, 2026 at 10:00 AM.",
    );
    const moved = entry(
      "appointment.reschedule",
      { startsAt: "2026-12-03T09:00:00.000Z" },
      { startsAt: "2026-12-04T13:30:00.000Z" },
    );
    expect(say("en", moved)).toBe(
      "Anna moved Léa Martin’s appointment from Thursday, December 3, 2026 at 10:00 AM to Friday, December 4, 2026 at 2:30 PM.",
    );
  });

  it("says what happened to settings, services and keys, and something for any other action", () => {
    expect(say("fr", entry("settings.appointment_module", null, { enabled: false }))).toBe(
      "Anna a désactivé la réservation en ligne.",
    );
    expect(say("en", entry("activity.delete", { name: "Massage" }, null))).toBe(
      "Anna deleted the service “Massage”.",
    );
    expect(say("fr", entry("location.create", null, { name: "Montréal" }))).toBe(
      "Anna a ajouté le lieu «\u00a0Montréal\u00a0».",
    );
    expect(say("en", entry("resource.delete", { name: "Sun room" }, null))).toBe(
      "Anna removed the resource “Sun room”.",
    );
    expect(say("en", entry("class.create", null, { sessions: [] }))).toBe(
      "Anna scheduled class sessions.",
    );
    expect(say("en", entry("something.new", null, null))).toBe("Anna: something.new.");
    expect(
      say(
        "en",
        entry(
          "settings.appointment_module",
          { enabled: true, confirmOnlineBookings: "manual" },
          { enabled: true, confirmOnlineBookings: "automatic" },
        ),
      ),
    ).toBe("Anna set customers’ bookings to be confirmed automatically.");
    expect(say("fr", entry("tenant.embed_origins", null, null))).toBe(
      "Anna a modifié les sites autorisés à afficher le module de réservation.",
    );
  });

  it("gives every action the app records a sentence of its own", () => {
    for (const action of ACTIONS) {
      expect(keys.has(action.replaceAll(".", "_")), action).toBe(true);
    }
  });

  it("elides before a vowel in French, and names the time it had then and its place's clock", () => {
    const anne = { clientName: "Anne", startsAt: new Date("2026-12-08T22:00:00Z") };
    const t = createTranslator({ locale: "fr", messages: fr, namespace: "admin.audit" });
    const { key, values } = auditSentence(
      entry("appointment.status", null, { status: "confirmed", startsAt: "2026-12-03T09:00:00Z" }),
      { ...anne, timeZone: "America/Montreal" },
      { timeZone: "Europe/Paris", locale: "fr" },
      keys,
    );
    expect(t(`sentences.${key}` as "sentences.other", { ...values, who: "Anna" })).toBe(
      "Anna a confirmé le rendez-vous d’Anne du jeudi 3 décembre 2026 à 10:00 (04:00 Montréal).",
    );
  });
});

// Every action written anywhere in lib/: a new one without a sentence would show its raw code.
const ACTIONS = [
  ...new Set(
    [...readdirRecursive("lib")]
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .flatMap((f) => [...readFileSync(f, "utf8").matchAll(/action: "([a-z_.]+)"/g)])
      .map((m) => m[1] as string),
  ),
];

function* readdirRecursive(dir: string): Generator<string> {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) yield* readdirRecursive(full);
    else yield full;
  }
}
