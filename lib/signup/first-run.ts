import { and, count, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { activities, staffMembers, type Tenant, tenants, weeklySlots } from "@/db/schema";

export interface FirstRunSteps {
  confirmed: boolean;
  service: boolean;
  hours: boolean;
  /** Optional: someone besides the owner. */
  team: boolean;
  /** Customers can book: confirmed, with a service and hours. */
  live: boolean;
}

/** Where a new business stands on the way to its first booking; null once the guide is done. */
export async function firstRunSteps(db: Database, tenant: Tenant): Promise<FirstRunSteps | null> {
  if (tenant.guideDoneAt) return null;
  const [[services], [hours], [team]] = await Promise.all([
    db
      .select({ n: count() })
      .from(activities)
      .where(and(eq(activities.tenantId, tenant.id), isNull(activities.deletedAt))),
    db.select({ n: count() }).from(weeklySlots).where(eq(weeklySlots.tenantId, tenant.id)),
    db
      .select({ n: count() })
      .from(staffMembers)
      .where(and(eq(staffMembers.tenantId, tenant.id), isNull(staffMembers.deletedAt))),
  ]);
  const confirmed = tenant.confirmedAt !== null;
  const service = (services?.n ?? 0) > 0;
  const open = (hours?.n ?? 0) > 0;
  return {
    confirmed,
    service,
    hours: open,
    team: (team?.n ?? 0) > 1,
    live: confirmed && service && open,
  };
}

/** The owners put the guide away (it does not come back). */
export async function finishGuide(db: Database, tenantId: string, now: Date): Promise<void> {
  await db.update(tenants).set({ guideDoneAt: now }).where(eq(tenants.id, tenantId));
}
