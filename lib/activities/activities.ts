import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type Activity, activities, type Tenant } from "@/db/schema";
import { hasUpcomingBookings } from "@/lib/appointments";
import { type Actor, recordScheduleChange } from "@/lib/audit";
import { getLive, listLive, liveIn } from "@/lib/catalog";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { PageRequest } from "@/lib/http/cursor";
import { toMinorUnits } from "@/lib/i18n/money";
import { paymentsReadiness } from "@/lib/payments";
import { assignToEveryone } from "@/lib/staff";
import type { ActivityInput } from "./schema";

/** Which activities: `online` only those customers may book themselves. */
interface ActivityFilter {
  ids?: string[];
  online?: boolean;
  /** A page, in creation order; without one, every activity by name. */
  page?: PageRequest;
}

const matching = (filter: ActivityFilter) =>
  and(
    filter.ids ? inArray(activities.id, filter.ids) : undefined,
    filter.online ? eq(activities.onlineBooking, true) : undefined,
  );

export async function listActivities(
  db: Database,
  tenantId: string,
  filter: ActivityFilter = {},
): Promise<Activity[]> {
  if (filter.ids?.length === 0) return [];
  return listLive(db, activities, tenantId, {
    where: matching(filter),
    order: [asc(activities.name), asc(activities.id)],
    page: filter.page,
  });
}

/** A bookable (not deleted) activity of the tenant, or NOT_FOUND. */
export async function getActivity(
  db: Database,
  tenantId: string,
  id: string,
  filter: Omit<ActivityFilter, "ids"> = {},
): Promise<Activity> {
  return getLive(db, activities, tenantId, id, matching(filter));
}

function toColumns(input: ActivityInput, currency: string) {
  return {
    name: input.name,
    description: input.description,
    durationMinutes: input.durationMinutes,
    color: input.color.toLowerCase(),
    priceMinor: toMinorUnits(input.price, currency),
    requirePhone: input.requiredFields.phone,
    requireAddress: input.requiredFields.address,
    requireCustomField: input.requiredFields.customField,
    customFieldLabel: input.requiredFields.customFieldLabel,
    reminderEnabled: input.reminderSettings.enabled,
    reminderHoursBefore: input.reminderSettings.enabled
      ? (input.reminderSettings.hoursBefore ?? null)
      : null,
    minimumNoticeHours: input.minimumBookingNoticeHours,
    // Left out of a contract client's body, these keep their current (or default) values.
    bufferBeforeMinutes: input.bufferBeforeMinutes,
    bufferAfterMinutes: input.bufferAfterMinutes,
    maxAdvanceDays: input.maxAdvanceDays,
    onlineBooking: input.onlineBooking,
    resourceKind: input.resourceKind,
    capacity: input.capacity,
    modes: input.modes,
    ...paymentColumns(input, currency),
  };
}

function paymentColumns({ payment }: ActivityInput, currency: string) {
  if (!payment) return {};
  const deposit = payment.rule === "deposit";
  return {
    paymentRule: payment.rule,
    depositMinor:
      deposit && payment.depositAmount ? toMinorUnits(payment.depositAmount, currency) : null,
    depositPercent: deposit && payment.depositPercent ? payment.depositPercent : null,
  };
}

/** A service cannot ask for payment that the business cannot take yet. */
function assertPayable(tenant: Tenant, input: ActivityInput) {
  if (!input.payment || input.payment.rule === "none") return;
  const readiness = paymentsReadiness(tenant, env().stripe);
  if (readiness !== "ready")
    throw new AppError("PAYMENTS_NOT_READY", { "payment.rule": readiness });
}

export async function createActivity(
  db: Database,
  tenant: Tenant,
  input: ActivityInput,
  actor: Actor,
): Promise<Activity> {
  assertPayable(tenant, input);
  return db.transaction(async (tx) => {
    const [activity] = await tx
      .insert(activities)
      .values({ tenantId: tenant.id, ...toColumns(input, tenant.currency) })
      .returning();
    if (!activity) throw new Error("insert returned no row");
    await assignToEveryone(tx, tenant.id, activity.id);
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "activity.create",
      entityType: "activity",
      entityId: activity.id,
      after: activity,
    });
    return activity;
  });
}

export async function updateActivity(
  db: Database,
  tenant: Tenant,
  id: string,
  input: ActivityInput,
  actor: Actor,
): Promise<Activity> {
  assertPayable(tenant, input);
  return db.transaction(async (tx) => {
    const before = await getActivity(tx, tenant.id, id);
    const [activity] = await tx
      .update(activities)
      .set(toColumns(input, tenant.currency))
      .where(and(liveIn(activities, tenant.id), eq(activities.id, id)))
      .returning();
    if (!activity) throw new AppError("NOT_FOUND");
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "activity.update",
      entityType: "activity",
      entityId: id,
      before,
      after: activity,
    });
    return activity;
  });
}

/**
 * Removes an activity from every list. Refused while future bookings hold it; past appointments
 * keep pointing at it (and so keep its name).
 */
export async function deleteActivity(
  db: Database,
  tenant: Tenant,
  id: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getActivity(tx, tenant.id, id);
    if (await hasUpcomingBookings(tx, tenant.id, { column: "activity_id", id }, now)) {
      throw new AppError("ACTIVITY_IN_USE");
    }
    await tx
      .update(activities)
      .set({ deletedAt: now })
      .where(and(eq(activities.tenantId, tenant.id), eq(activities.id, id)));
    await recordScheduleChange(tx, tenant.id, actor, {
      action: "activity.delete",
      entityType: "activity",
      entityId: id,
      before,
    });
  });
}
