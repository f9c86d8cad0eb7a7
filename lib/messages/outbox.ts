import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { appointments, outboundMessages } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";

export const MESSAGES_PAGE_SIZE = 50;

/**
 * The business's messages, newest first, one page at a time (only the failed ones with
 * `failedOnly`), with whom and when they are about (the outbox page).
 */
export async function listMessages(
  db: Database,
  tenantId: string,
  options: { page: number; failedOnly?: boolean },
) {
  const where = and(
    eq(outboundMessages.tenantId, tenantId),
    options.failedOnly ? inArray(outboundMessages.status, ["failed", "uncertain"]) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        message: outboundMessages,
        clientName: appointments.clientName,
        startsAt: appointments.startsAt,
      })
      .from(outboundMessages)
      // A notice about the business itself has no appointment.
      .leftJoin(
        appointments,
        and(
          eq(appointments.tenantId, outboundMessages.tenantId),
          eq(appointments.id, outboundMessages.appointmentId),
        ),
      )
      .where(where)
      .orderBy(desc(outboundMessages.createdAt), desc(outboundMessages.id))
      .limit(MESSAGES_PAGE_SIZE)
      .offset((options.page - 1) * MESSAGES_PAGE_SIZE),
    db.select({ total: count() }).from(outboundMessages).where(where),
  ]);
  return {
    messages: rows.map(({ message, ...about }) => ({ ...message, about })),
    total: counted?.total ?? 0,
  };
}

/** One appointment's messages, in the order they were owed (its details panel). */
export function messagesOfAppointment(db: Database, tenantId: string, appointmentId: string) {
  return (
    db
      .select()
      .from(outboundMessages)
      .where(
        and(
          eq(outboundMessages.tenantId, tenantId),
          eq(outboundMessages.appointmentId, appointmentId),
        ),
      )
      // Those owed together (same time), the customer's first.
      .orderBy(
        outboundMessages.sendAfter,
        outboundMessages.createdAt,
        sql`${outboundMessages.recipient} = 'business'`,
      )
  );
}

/**
 * Queues a failed message, or one that may have been sent, again for the next pass; NOT_FOUND
 * otherwise.
 */
export async function retryMessage(db: Database, tenantId: string, id: string, now: Date) {
  const [row] = await db
    .update(outboundMessages)
    .set({ status: "queued", attempts: 0, sendAfter: now, lastError: null, handedOffAt: null })
    .where(
      and(
        eq(outboundMessages.tenantId, tenantId),
        eq(outboundMessages.id, id),
        inArray(outboundMessages.status, ["failed", "uncertain"]),
      ),
    )
    .returning({ id: outboundMessages.id, sendAfter: outboundMessages.sendAfter });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
