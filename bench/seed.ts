// The benchmark's businesses: one service, 10,000 appointments over a year, for one staff member
// or shared by several (and rooms), seeded through the app's own functions.
import { openDatabase } from "@/db/client";
import { appointments } from "@/db/schema";
import { createActivity } from "@/lib/activities/activities";
import { activityInputSchema } from "@/lib/activities/schema";
import { systemActor } from "@/lib/audit/record-audit";
import { replaceAvailability } from "@/lib/availability/availability";
import { createResource } from "@/lib/resources/resources";
import { resourceInputSchema } from "@/lib/resources/schema";
import { addDays, dayInZone, zonedInstant } from "@/lib/scheduling/calendar-day";
import { createTenant } from "@/lib/signup/create-tenant";
import { staffInputSchema } from "@/lib/staff/schema";
import { createStaff, listStaff } from "@/lib/staff/staff";

export const TZ = "Europe/Paris";
export const MIN = 60_000;

/**
 * A business open 07:00-22:00 every day with 10,000 appointments over a year, 07:00-14:00, spread
 * over `staffCount` staff members who all perform its one 15-minute service, or, with `eachHolds`,
 * 10,000 for each of them (at the same times: every one of them busy whenever one is).
 */
export async function seed(
  url: string,
  slug: string,
  staffCount: number,
  { rooms: roomCount = 0, eachHolds = false }: { rooms?: number; eachHolds?: boolean } = {},
) {
  const { db, close } = await openDatabase({ url, poolMax: 4 });
  const { tenant } = await createTenant(
    db,
    {
      slug,
      name: slug,
      timeZone: TZ,
      locale: "en",
      ownerEmail: `owner@${slug}.test`,
      ownerPassword: "bench-password",
    },
    systemActor,
  );
  await replaceAvailability(
    db,
    tenant,
    {
      weeklySlots: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
        dayOfWeek,
        startTime: "07:00",
        endTime: "22:00",
      })),
      exceptions: [],
    },
    systemActor,
  );
  const activity = await createActivity(
    db,
    tenant,
    activityInputSchema.parse({
      name: "Session",
      description: null,
      durationMinutes: 15,
      color: "#2563eb",
      price: 30,
      requiredFields: { phone: false, address: false, customField: false, customFieldLabel: null },
      minimumBookingNoticeHours: 0,
      maxAdvanceDays: 400,
    }),
    systemActor,
  );
  // A second service, booked after the first in one visit.
  const finish = await createActivity(
    db,
    tenant,
    activityInputSchema.parse({ name: "Finish", durationMinutes: 15, maxAdvanceDays: 400 }),
    systemActor,
  );
  // A treatment that also needs a free room, when the business has rooms.
  const treatment = roomCount
    ? await createActivity(
        db,
        tenant,
        activityInputSchema.parse({
          name: "Treatment",
          durationMinutes: 15,
          maxAdvanceDays: 400,
          resourceKind: "Room",
        }),
        systemActor,
      )
    : null;
  const rooms = [];
  for (let i = 1; i <= roomCount; i++) {
    rooms.push(
      await createResource(
        db,
        tenant,
        resourceInputSchema.parse({ name: `Room ${i}`, kind: "Room" }),
        systemActor,
      ),
    );
  }
  for (let i = 1; i < staffCount; i++) {
    await createStaff(db, tenant, staffInputSchema.parse({ name: `Stylist ${i}` }), systemActor);
  }
  const staff = await listStaff(db, tenant.id);
  const today = dayInZone(Date.now(), TZ);
  const rows: (typeof appointments.$inferInsert)[] = [];
  for (let i = 0; i < 10_000; i++) {
    const day = addDays(today, -182 + Math.floor(i / 28));
    const start = zonedInstant(day, 7 * 60 + (i % 28) * 15, TZ);
    // Every third one a treatment, in the rooms in turn (one appointment per start: no clash).
    const room = treatment && i % 3 === 0 ? rooms[(i / 3) % rooms.length] : undefined;
    const holders = eachHolds ? staff : [staff[i % staff.length] as (typeof staff)[number]];
    for (const holder of holders) {
      rows.push({
        tenantId: tenant.id,
        activityId: room && treatment ? treatment.id : activity.id,
        resourceId: holder === staff[0] || !eachHolds ? room?.id : undefined,
        staffId: holder.id,
        locationId: (staff[0] as (typeof staff)[number]).locationId,
        startsAt: new Date(start),
        endsAt: new Date(start + 15 * MIN),
        blockedFrom: new Date(start),
        blockedUntil: new Date(start + 15 * MIN),
        status: i % 10 === 0 ? "cancelled" : "confirmed",
        clientName: `Client ${i}`,
        clientEmail: `client${i}@bench.test`,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(appointments).values(rows.slice(i, i + 1000));
  await close();
  return {
    activityId: activity.id,
    finishId: finish.id,
    treatmentId: treatment?.id,
    tenant,
    staff,
    today,
  };
}

export type BenchBusiness = Awaited<ReturnType<typeof seed>>;
