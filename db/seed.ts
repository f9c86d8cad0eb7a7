import type { Database } from "@/db/client";
import { activities, availabilityExceptions, weeklySlots } from "@/db/schema";
import { systemActor } from "@/lib/audit/record-audit";
import { createTenant } from "@/lib/tenants/create-tenant";
import { findTenantBySlug } from "@/lib/tenants/find-tenant";

export const DEMO = {
  slug: "demo",
  name: "Salon Démo",
  timeZone: "Europe/Paris",
  locale: "fr",
  ownerEmail: "owner@demo.rendezvous.test",
  ownerPassword: "rendezvous-demo",
} as const;

const hours = (h: number, m = 0) => h * 60 + m;

/** Creates the demo business unless it exists; returns whether it did. */
export async function seedDemo(db: Database): Promise<boolean> {
  if (await findTenantBySlug(db, DEMO.slug)) return false;
  const { ownerEmail, ownerPassword, ...profile } = DEMO;
  await db.transaction(async (tx) => {
    const { tenant } = await createTenant(
      tx,
      { ...profile, ownerEmail, ownerPassword, ownerName: "Camille Martin" },
      systemActor,
    );
    const tenantId = tenant.id;
    await tx.insert(activities).values([
      {
        tenantId,
        name: "Coupe femme",
        description: "Shampooing, coupe et coiffage.",
        durationMinutes: 45,
        color: "#e11d48",
        priceMinor: 3800,
        minimumNoticeHours: 2,
      },
      {
        tenantId,
        name: "Coupe homme",
        description: "Coupe aux ciseaux ou à la tondeuse.",
        durationMinutes: 30,
        color: "#2563eb",
        priceMinor: 2400,
        minimumNoticeHours: 2,
      },
      {
        tenantId,
        name: "Coloration",
        description: "Couleur complète avec diagnostic. Un numéro de téléphone est demandé.",
        durationMinutes: 90,
        color: "#9333ea",
        priceMinor: 6500,
        requirePhone: true,
        reminderEnabled: true,
        reminderHoursBefore: 24,
        minimumNoticeHours: 24,
        bufferAfterMinutes: 15,
      },
    ]);
    // Tuesday to Saturday, with a lunch break; Saturday closes early.
    const week = [2, 3, 4, 5].flatMap((day) => [
      { tenantId, dayOfWeek: day, startMinute: hours(9), endMinute: hours(12, 30) },
      { tenantId, dayOfWeek: day, startMinute: hours(13, 30), endMinute: hours(19) },
    ]);
    week.push({ tenantId, dayOfWeek: 6, startMinute: hours(9), endMinute: hours(17) });
    await tx.insert(weeklySlots).values(week);
    await tx
      .insert(availabilityExceptions)
      .values({ tenantId, date: "2026-12-25", reason: "Noël" });
  });
  return true;
}
