import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, sqlStateOf } from "@/db/client";
import { type AppointmentStatus, activities, staffMembers } from "@/db/schema";
import { appointmentStatuses, holdingStatuses } from "@/lib/appointments/status";
import { firstLocationId, insertAppointment, seedTenant } from "./helpers/fixtures";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";

const T = (hhmm: string) => new Date(`2030-01-07T${hhmm}:00Z`);

// The database itself refuses overlapping held time, whatever the application does.
describe.each(engines)("the no-overlap exclusion constraint on %s", (engine) => {
  let handle: TestDatabase;
  let tenantId: string;
  let otherTenantId: string;
  let activityId: string;
  let otherActivityId: string;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    tenantId = (await seedTenant(handle.db)).tenant.id;
    otherTenantId = (await seedTenant(handle.db)).tenant.id;
    const make = async (tenant: string) =>
      (
        await handle.db
          .insert(activities)
          .values({ tenantId: tenant, name: "A", durationMinutes: 60, color: "#000000" })
          .returning()
      )[0]?.id ?? "";
    activityId = await make(tenantId);
    otherActivityId = await make(otherTenantId);
  });
  afterAll(() => handle.close());

  /** Inserts [start, end) held from blockedFrom to blockedUntil; returns the SQLSTATE or "ok". */
  async function insert(
    start: string,
    end: string,
    options: {
      from?: string;
      until?: string;
      status?: AppointmentStatus;
      other?: boolean;
      staffId?: string;
    } = {},
  ) {
    try {
      await insertAppointment(handle.db, {
        tenantId: options.other ? otherTenantId : tenantId,
        activityId: options.other ? otherActivityId : activityId,
        staffId: options.staffId,
        startsAt: T(start),
        endsAt: T(end),
        blockedFrom: T(options.from ?? start),
        blockedUntil: T(options.until ?? end),
        status: options.status ?? "pending",
      });
      return "ok";
    } catch (error) {
      return sqlStateOf(error);
    }
  }

  it("holds exactly the statuses the app says hold time", async () => {
    const [row] = await queryRows<{ def: string }>(
      handle.db,
      sql`select pg_get_constraintdef(oid) as def from pg_constraint
          where conname = 'appointments_no_overlap'`,
    );
    const held = appointmentStatuses.filter((status) => row?.def.includes(`'${status}'`));
    expect(held).toEqual([...holdingStatuses]);
  });

  it("refuses overlapping held time, buffers included, and allows touching ranges", async () => {
    expect(await insert("10:00", "11:00", { until: "11:15" })).toBe("ok");
    expect(await insert("10:30", "11:30", { status: "confirmed" })).toBe("23P01");
    // Starts after the first's buffer, but its own buffer before reaches into it: buffers add up.
    expect(await insert("11:20", "12:00", { from: "11:10" })).toBe("23P01");
    expect(await insert("11:25", "12:00", { from: "11:15" })).toBe("ok");
  });

  it("lets cancelled and finished appointments overlap, and other businesses", async () => {
    for (const status of ["cancelled", "completed", "no_show"] as const) {
      expect(await insert("10:00", "11:00", { status })).toBe("ok");
    }
    expect(await insert("10:00", "11:00", { other: true })).toBe("ok");
  });

  it("lets two staff members hold the same time, never one staff member twice", async () => {
    const [second] = await handle.db
      .insert(staffMembers)
      .values({
        tenantId,
        name: "Second",
        color: "#000000",
        locationId: await firstLocationId(handle.db, tenantId),
      })
      .returning();
    const staffId = second?.id ?? "";
    expect(await insert("14:00", "15:00")).toBe("ok");
    expect(await insert("14:00", "15:00", { staffId })).toBe("ok");
    expect(await insert("14:30", "15:30", { staffId })).toBe("23P01");
    // Someone else's staff member is no one this business can book.
    expect(await insert("16:00", "17:00", { staffId, other: true })).toBe("23503");
  });

  it("refuses to move a cancelled appointment back onto held time", async () => {
    const result = await handle.db
      .execute(sql`update appointments set status = 'pending' where status = 'cancelled'`)
      .then(
        () => "ok",
        (error) => sqlStateOf(error),
      );
    expect(result).toBe("23P01");
  });
});
