import { and, avg, count, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import {
  activities,
  appointments,
  customers,
  type Review,
  reviewInvitations,
  reviews,
  staffMembers,
  type Tenant,
} from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors/app-error";
import { type PageRequest, toPage } from "@/lib/http/cursor";
import { recordWebhookEvents } from "@/lib/outbox";
import { optionalText, requiredText } from "@/lib/validation";
import { invitationOf } from "./invitations";

export const reviewInputSchema = z.object({
  rating: z.number().int().min(1).max(5),
  comment: optionalText(1000),
});
export type ReviewInput = z.output<typeof reviewInputSchema>;

export const replySchema = z.object({ reply: requiredText(1000) });
export const hideSchema = z.object({ reason: requiredText(300) });

/** "Inès Martin" → "Inès M.": all the public page shows of who wrote a review. */
export function authorName(name: string) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? "";
  const last = words.length > 1 ? words.at(-1) : undefined;
  return last ? `${first} ${[...last][0]?.toUpperCase()}.` : first;
}

/** Who may review: the appointment's customer (signed in), or whoever holds its invitation. */
export type Reviewer = { customerId: string; appointmentId: string } | { token: string };

/**
 * Records the review of a completed appointment: once (ALREADY_REVIEWED), only by its customer
 * (NOT_FOUND for anyone else, REVIEW_NOT_ALLOWED before it is completed). A link's invitation is
 * spent with it. `review.created` goes to the business's webhooks.
 */
export async function submitReview(
  db: Database,
  tenant: Tenant,
  by: Reviewer,
  input: ReviewInput,
  now: Date,
): Promise<Review> {
  const appointmentId =
    "token" in by ? await invitationOf(db, tenant.id, by.token) : by.appointmentId;
  if (!appointmentId) throw new AppError("LINK_INVALID");
  return db.transaction(async (tx) => {
    const [appointment] = await tx
      .select({
        status: appointments.status,
        customerId: appointments.customerId,
        activityId: appointments.activityId,
        staffId: appointments.staffId,
        name: customers.name,
      })
      .from(appointments)
      .innerJoin(
        customers,
        and(
          eq(customers.tenantId, appointments.tenantId),
          eq(customers.id, appointments.customerId),
        ),
      )
      .where(and(eq(appointments.tenantId, tenant.id), eq(appointments.id, appointmentId)))
      .for("update", { of: appointments });
    if (!appointment || ("customerId" in by && appointment.customerId !== by.customerId)) {
      throw new AppError("NOT_FOUND");
    }
    if (appointment.status !== "completed") throw new AppError("REVIEW_NOT_ALLOWED");
    const [review] = await tx
      .insert(reviews)
      .values({
        tenantId: tenant.id,
        appointmentId,
        customerId: appointment.customerId as string,
        activityId: appointment.activityId,
        staffId: appointment.staffId,
        rating: input.rating,
        comment: input.comment,
        authorName: authorName(appointment.name),
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!review) throw new AppError("ALREADY_REVIEWED");
    await tx
      .update(reviewInvitations)
      .set({ usedAt: now })
      .where(
        and(
          eq(reviewInvitations.tenantId, tenant.id),
          eq(reviewInvitations.appointmentId, appointmentId),
        ),
      );
    await recordWebhookEvents(
      tx,
      tenant.id,
      review.id,
      ["review.created"],
      () => ({ review: toReviewJson(review, true) }),
      now,
    );
    return review;
  });
}

/** A review as the API gives it; the business's own view adds whether and why it is hidden. */
export function toReviewJson(r: Review & { activityName?: string }, forBusiness = false) {
  return {
    id: r.id,
    rating: r.rating,
    comment: r.comment,
    author: r.authorName,
    activityId: r.activityId,
    staffId: r.staffId,
    reply: r.reply,
    repliedAt: r.repliedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    ...(forBusiness
      ? {
          appointmentId: r.appointmentId,
          hidden: r.hiddenAt !== null,
          hiddenReason: r.hiddenReason,
          hiddenAt: r.hiddenAt?.toISOString() ?? null,
        }
      : {}),
  };
}

export const reviewFilterSchema = z.object({
  activityId: z.uuid().optional(),
  staffId: z.uuid().optional(),
});

/**
 * A page of the business's reviews, latest first: the public's (never a hidden one) or, for the
 * business, all of them.
 */
export async function listReviews(
  db: Database,
  tenant: Tenant,
  filter: z.output<typeof reviewFilterSchema> & { withHidden?: boolean },
  page: PageRequest,
) {
  const rows = await db
    .select()
    .from(reviews)
    .where(
      and(
        eq(reviews.tenantId, tenant.id),
        filter.withHidden ? undefined : isNull(reviews.hiddenAt),
        filter.activityId ? eq(reviews.activityId, filter.activityId) : undefined,
        filter.staffId ? eq(reviews.staffId, filter.staffId) : undefined,
        page.after
          ? sql`(date_trunc('milliseconds', ${reviews.createdAt}), ${reviews.id}) <
              (${page.after.at.toISOString()}::timestamptz, ${page.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(sql`date_trunc('milliseconds', ${reviews.createdAt})`), desc(reviews.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => ({ at: r.createdAt, id: r.id }));
}

/** The average rating and how many reviews the public sees. */
export async function reviewSummary(db: Database, tenantId: string) {
  const [row] = await db
    .select({ count: count(), average: avg(reviews.rating) })
    .from(reviews)
    .where(and(eq(reviews.tenantId, tenantId), isNull(reviews.hiddenAt)));
  return { count: row?.count ?? 0, average: row?.average ? Number(row.average) : null };
}

async function changeReview(
  db: Database,
  tenant: Tenant,
  id: string,
  change: (review: Review) => Partial<Review>,
  audit: { action: string; after: Record<string, unknown> },
  actor: Actor,
) {
  return db.transaction(async (tx) => {
    const [review] = await tx
      .select()
      .from(reviews)
      .where(and(eq(reviews.tenantId, tenant.id), eq(reviews.id, id)))
      .for("update");
    if (!review) throw new AppError("NOT_FOUND");
    const [changed] = await tx
      .update(reviews)
      .set(change(review))
      .where(and(eq(reviews.tenantId, tenant.id), eq(reviews.id, id)))
      .returning();
    await recordAudit(tx, tenant.id, actor, {
      action: audit.action,
      entityType: "review",
      entityId: id,
      after: audit.after,
    });
    return changed as Review;
  });
}

/** The business's public answer to a review: once (ALREADY_REPLIED). */
export const replyToReview = (
  db: Database,
  tenant: Tenant,
  id: string,
  reply: string,
  actor: Actor,
  now: Date,
) =>
  changeReview(
    db,
    tenant,
    id,
    (review) => {
      if (review.reply !== null) throw new AppError("ALREADY_REPLIED");
      return { reply, repliedAt: now };
    },
    { action: "review.reply", after: {} },
    actor,
  );

/** Takes a review off the public page, saying why (in the audit log too). */
export const hideReview = (
  db: Database,
  tenant: Tenant,
  id: string,
  reason: string,
  actor: Actor,
  now: Date,
) =>
  changeReview(
    db,
    tenant,
    id,
    () => ({ hiddenAt: now, hiddenReason: reason }),
    { action: "review.hide", after: { reason } },
    actor,
  );

/** The customer's completed appointments they have not reviewed yet, latest first. */
export async function toReview(db: Database, tenantId: string, customerId: string) {
  return db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      locationId: appointments.locationId,
      activityName: activities.name,
      staffName: staffMembers.name,
    })
    .from(appointments)
    .innerJoin(
      activities,
      and(
        eq(activities.tenantId, appointments.tenantId),
        eq(activities.id, appointments.activityId),
      ),
    )
    .innerJoin(
      staffMembers,
      and(
        eq(staffMembers.tenantId, appointments.tenantId),
        eq(staffMembers.id, appointments.staffId),
      ),
    )
    .where(
      and(
        eq(appointments.tenantId, tenantId),
        eq(appointments.customerId, customerId),
        eq(appointments.status, "completed"),
        sql`not exists (select 1 from ${reviews} r where r.tenant_id = ${appointments.tenantId}
          and r.appointment_id = ${appointments.id})`,
      ),
    )
    .orderBy(desc(appointments.startsAt))
    .limit(20);
}
