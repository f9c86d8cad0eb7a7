import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { appointments, outboundMessages } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";

/** The business's messages, newest first, with whom and when they are about (the outbox page). */
export async function listMessages(db: Database, tenantId: string, limit = 100) {
  const rows = await db
    .select({
      message: outboundMessages,
      clientName: appointments.clientName,
      startsAt: appointments.startsAt,
    })
    .from(outboundMessages)
    .innerJoin(
      appointments,
      and(
        eq(appointments.tenantId, outboundMessages.tenantId),
        eq(appointments.id, outboundMessages.appointmentId),
      ),
    )
    .where(eq(outboundMessages.tenantId, tenantId))
    .orderBy(desc(outboundMessages.createdAt), desc(outboundMessages.id))
    .limit(limit);
  return rows.map(({ message, ...about }) => ({ ...message, about }));
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

/** Queues a failed message again, for the next pass; NOT_FOUND unless it failed. */
export async function retryMessage(db: Database, tenantId: string, id: string, now: Date) {
  const [row] = await db
    .update(outboundMessages)
    .set({ status: "queued", attempts: 0, sendAfter: now, lastError: null })
    .where(
      and(
        eq(outboundMessages.tenantId, tenantId),
        eq(outboundMessages.id, id),
        inArray(outboundMessages.status, ["failed"]),
      ),
    )
    .returning({ id: outboundMessages.id, sendAfter: outboundMessages.sendAfter });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
