import type { Database } from "@/db/client";
import { type Activity, type Tenant, tenants } from "@/db/schema";
import { activityInputSchema, createActivity } from "@/lib/activities";
import { bookingSchema } from "@/lib/appointments";
import { systemActor } from "@/lib/audit";
import { availabilityInputSchema, replaceAvailability } from "@/lib/availability";
import { bookAppointment } from "@/lib/booking";
import { toAppError } from "@/lib/errors/to-app-error";
import { addDays, dayInZone, zonedInstant } from "@/lib/scheduling/calendar-day";
import { createTenant } from "@/lib/signup";
import { findTenantBySlug } from "@/lib/tenants";

export const DEMO = {
  slug: "demo",
  name: "Salon Démo",
  timeZone: "Europe/Paris",
  locale: "fr",
  address: "12 rue des Lilas, 75011 Paris",
  ownerEmail: "owner@demo.rendezvous.test",
  ownerPassword: "rendezvous-demo",
} as const;

const demoActivities = [
  {
    name: "Coupe femme",
    description: "Shampooing, coupe et coiffage.",
    durationMinutes: 45,
    color: "#e11d48",
    price: 38,
    minimumBookingNoticeHours: 2,
  },
  {
    name: "Coupe homme",
    description: "Coupe aux ciseaux ou à la tondeuse.",
    durationMinutes: 30,
    color: "#2563eb",
    price: 24,
    minimumBookingNoticeHours: 2,
  },
  {
    name: "Coloration",
    description: "Couleur complète avec diagnostic. Un numéro de téléphone est demandé.",
    durationMinutes: 90,
    color: "#9333ea",
    price: 65,
    requiredFields: { phone: true, address: false, customField: false, customFieldLabel: null },
    reminderSettings: { enabled: true, hoursBefore: 24 },
    minimumBookingNoticeHours: 24,
    bufferAfterMinutes: 15,
  },
];

// Tuesday to Friday with a lunch break; Saturday without one, closing early.
const demoHours = {
  weeklySlots: [
    ...[2, 3, 4, 5].flatMap((dayOfWeek) => [
      { dayOfWeek, startTime: "09:00", endTime: "12:30" },
      { dayOfWeek, startTime: "13:30", endTime: "19:00" },
    ]),
    { dayOfWeek: 6, startTime: "09:00", endTime: "17:00" },
  ],
  exceptions: [{ date: "2026-12-25", reason: "Noël" }],
};

/** Creates the demo business, through the same functions as the API, unless it exists. */
/**
 * The demo on a database that holds no business at all (the first start), never beside
 * businesses created with the CLI: its password is published.
 */
export async function seedDemoIfEmpty(db: Database): Promise<boolean> {
  const [any] = await db.select({ id: tenants.id }).from(tenants).limit(1);
  return any ? false : seedDemo(db);
}

export async function seedDemo(db: Database): Promise<boolean> {
  if (await findTenantBySlug(db, DEMO.slug)) return false;
  const { ownerEmail, ownerPassword, ...profile } = DEMO;
  await db.transaction(async (tx) => {
    const { tenant } = await createTenant(
      tx,
      { ...profile, ownerEmail, ownerPassword, ownerName: "Camille Martin" },
      systemActor,
    );
    const activities = [];
    for (const activity of demoActivities) {
      activities.push(
        await createActivity(tx, tenant, activityInputSchema.parse(activity), systemActor),
      );
    }
    await replaceAvailability(tx, tenant, availabilityInputSchema.parse(demoHours), systemActor);
    await bookSampleWeek(tx, tenant, activities, new Date());
  });
  return true;
}

const sampleClients = [
  ["Léa Martin", "lea.martin@example.test", "06 12 34 56 78"],
  ["Hugo Bernard", "hugo.bernard@example.test", "06 23 45 67 89"],
  ["Chloé Petit", "chloe.petit@example.test", "06 34 56 78 90"],
  ["Lucas Robert", "lucas.robert@example.test", "06 45 67 89 01"],
] as const;

/**
 * A week of sample bookings, so that the demo's calendar is not empty on first sight: on each
 * open day of the coming week, a confirmed morning one and an afternoon one still to confirm.
 * Times the hours do not offer (a closed day, the notice) are skipped.
 */
async function bookSampleWeek(db: Database, tenant: Tenant, activities: Activity[], now: Date) {
  const today = dayInZone(now, tenant.timeZone);
  const plan = [
    { minute: 10 * 60, status: "confirmed" },
    { minute: 15 * 60, status: "pending" },
  ] as const;
  let n = 0;
  for (let offset = 1; offset <= 7; offset++) {
    for (const { minute, status } of plan) {
      const activity = activities[n % 2];
      const [name, email, phone] = sampleClients[n % sampleClients.length] ?? sampleClients[0];
      n++;
      if (!activity) continue;
      const start = zonedInstant(addDays(today, offset), minute, tenant.timeZone);
      const input = bookingSchema.parse({
        activityId: activity.id,
        dateTime: new Date(start).toISOString(),
        clientInfo: { name, email, phone },
      });
      await bookAppointment(db, tenant, input, now, systemActor, { status }).catch((error) => {
        if (toAppError(error).code !== "SLOT_UNAVAILABLE") throw error;
      });
    }
  }
}
