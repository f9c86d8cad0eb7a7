import { asc, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import type { Database } from "@/db/client";
import {
  type AppointmentStatus,
  appointments,
  locations,
  type Role,
  staffMembers,
  type Tenant,
} from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { systemActor } from "@/lib/audit/record-audit";
import { authSecret } from "@/lib/auth/secret";
import { createTenant } from "@/lib/signup/create-tenant";
import { createUser } from "@/lib/users/create-user";

let counter = 0;

/** A new business with an owner, a staff member and an API key. */
export async function seedTenant(db: Database, overrides: { locale?: "fr" | "en" } = {}) {
  counter += 1;
  const slug = `biz-${process.pid}-${counter}`;
  const { tenant, owner } = await createTenant(
    db,
    {
      slug,
      name: `Business ${counter}`,
      timeZone: "Europe/Paris",
      locale: overrides.locale ?? "fr",
      ownerEmail: `owner@${slug}.test`,
      ownerPassword: "owner-password",
    },
    systemActor,
  );
  const staff = await createUser(
    db,
    tenant.id,
    { email: `staff@${slug}.test`, password: "staff-password", role: "staff" },
    systemActor,
  );
  const { secret: apiKey, apiKey: key } = await createApiKey(
    db,
    tenant.id,
    { name: "test" },
    systemActor,
  );
  return { tenant, owner, staff, apiKey, apiKeyId: key.id };
}

/** A real next-auth session cookie for this user, as the sign-in would set it. */
export async function sessionCookie(
  user: { id: string; role: Role; sessionVersion?: number },
  tenant: Tenant,
) {
  const token = await encode({
    secret: authSecret(),
    token: {
      userId: user.id,
      tenantId: tenant.id,
      tenantSlug: tenant.slug,
      role: user.role,
      sessionVersion: user.sessionVersion ?? 0,
    },
  });
  return `next-auth.session-token=${token}`;
}

export function apiRequest(headers: Record<string, string> = {}, method = "GET") {
  return new NextRequest("http://localhost:3000/api/appointments", { method, headers });
}

/**
 * An appointment written straight to the database, bypassing the booking rules: for times the API
 * would refuse (past ones) and for testing the database's own constraints.
 */
export async function insertAppointment(
  db: Database,
  values: {
    tenantId: string;
    activityId: string;
    /** The business's first staff member when left out. */
    staffId?: string;
    /** The business's first location when left out. */
    locationId?: string;
    resourceId?: string;
    startsAt: Date;
    endsAt?: Date;
    blockedFrom?: Date;
    blockedUntil?: Date;
    status?: AppointmentStatus;
  },
) {
  const endsAt = values.endsAt ?? new Date(values.startsAt.getTime() + 3_600_000);
  const [row] = await db
    .insert(appointments)
    .values({
      ...values,
      staffId: values.staffId ?? (await firstStaffId(db, values.tenantId)),
      locationId: values.locationId ?? (await firstLocationId(db, values.tenantId)),
      endsAt,
      blockedFrom: values.blockedFrom ?? values.startsAt,
      blockedUntil: values.blockedUntil ?? endsAt,
      clientName: "Walk-in",
      clientEmail: "walk-in@example.com",
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** The business's first staff member (its owner, for a business made by seedTenant). */
export async function firstStaffId(db: Database, tenantId: string): Promise<string> {
  const [first] = await db
    .select({ id: staffMembers.id })
    .from(staffMembers)
    .where(eq(staffMembers.tenantId, tenantId))
    .orderBy(asc(staffMembers.position), asc(staffMembers.createdAt))
    .limit(1);
  if (!first) throw new Error("the business has no staff member");
  return first.id;
}

/** The business's first location (its only one, for a business made by seedTenant). */
export async function firstLocationId(db: Database, tenantId: string): Promise<string> {
  const [first] = await db
    .select({ id: locations.id })
    .from(locations)
    .where(eq(locations.tenantId, tenantId))
    .orderBy(asc(locations.position), asc(locations.createdAt))
    .limit(1);
  if (!first) throw new Error("the business has no location");
  return first.id;
}
