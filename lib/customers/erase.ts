import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  appointments,
  customerSignInCodes,
  customers,
  idempotencyKeys,
  outboundMessages,
  paymentEvents,
  payments,
  webhookAttempts,
  webhookDeliveries,
  webhookEvents,
} from "@/db/schema";
import { holdingStatuses } from "@/lib/appointments";
import { type Actor, recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors/app-error";
import { customerEmailKey } from "./customers";

/** What an erased customer's appointments say in place of their name. */
export const ERASED_NAME = "—";

/**
 * Erases a customer for good (the right to be forgotten): their file goes, and every trace of
 * them is taken out of the business's records, which stay countable (times, services, staff,
 * statuses, payments). In the same transaction:
 * - their appointments lose the name, address, phone, e-mail, custom field and private link;
 * - the messages sent about those appointments lose their recipients and renderings;
 * - webhook events about them and their appointments lose their data (a pending one is sent
 *   with what is left), and the answers receivers gave to those deliveries are dropped;
 * - Stripe's events about their payments and the booking answers kept for idempotency are dropped.
 * Refused while they have an upcoming booking (the business could no longer reach them about it).
 * The audit entry says how many appointments were erased, nothing of the person.
 */
export async function eraseCustomer(
  db: Database,
  tenantId: string,
  customerId: string,
  actor: Actor,
  now: Date,
): Promise<{ appointments: number }> {
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ id: customers.id, email: customers.email })
      .from(customers)
      .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)))
      .for("update");
    if (!customer) throw new AppError("NOT_FOUND");
    const theirs = and(
      eq(appointments.tenantId, tenantId),
      eq(appointments.customerId, customerId),
    );
    const rows = await tx
      .select({ id: appointments.id, status: appointments.status, startsAt: appointments.startsAt })
      .from(appointments)
      .where(theirs)
      .for("update");
    if (
      rows.some(
        (a) => (holdingStatuses as readonly string[]).includes(a.status) && a.startsAt > now,
      )
    ) {
      throw new AppError("CUSTOMER_HAS_UPCOMING");
    }
    const ids = rows.map((a) => a.id);
    if (ids.length) {
      await tx
        .update(appointments)
        .set({
          clientName: ERASED_NAME,
          clientEmail: null,
          clientPhone: null,
          clientAddress: null,
          clientCustomFieldValue: null,
          manageTokenHash: null,
          customerId: null,
          updatedAt: now,
        })
        .where(theirs);
      await tx
        .update(outboundMessages)
        .set({
          toAddress: null,
          subject: null,
          textBody: null,
          htmlBody: null,
          calendarFile: null,
          payload: sql`${outboundMessages.payload} - 'manageUrl'`,
          lastError: null,
        })
        .where(
          and(
            eq(outboundMessages.tenantId, tenantId),
            inArray(outboundMessages.appointmentId, ids),
          ),
        );
      const sessions = tx
        .select({ id: payments.checkoutSessionId })
        .from(payments)
        .where(and(eq(payments.tenantId, tenantId), inArray(payments.appointmentId, ids)));
      await tx
        .delete(paymentEvents)
        .where(sql`${paymentEvents.payload} -> 'data' -> 'object' ->> 'id' in (${sessions})`);
      await tx.delete(idempotencyKeys).where(
        and(
          eq(idempotencyKeys.tenantId, tenantId),
          sql`${idempotencyKeys.responseBody} -> 'appointment' ->> 'id' in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        ),
      );
    }
    // Their sign-in codes and the messages that carried them (their sessions go with the file).
    const address = customer.email.trim().toLowerCase();
    await tx
      .delete(customerSignInCodes)
      .where(
        and(
          eq(customerSignInCodes.tenantId, tenantId),
          eq(customerSignInCodes.emailHash, customerEmailKey(address)),
        ),
      );
    await tx
      .delete(outboundMessages)
      .where(
        and(
          eq(outboundMessages.tenantId, tenantId),
          eq(outboundMessages.kind, "sign_in_code"),
          sql`lower(${outboundMessages.payload} ->> 'to') = ${address}`,
        ),
      );
    const subjects = [customerId, ...ids];
    const events = tx
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.tenantId, tenantId), inArray(webhookEvents.subjectId, subjects)));
    await tx
      .update(webhookAttempts)
      .set({ responseBody: null })
      .where(
        and(
          eq(webhookAttempts.tenantId, tenantId),
          inArray(
            webhookAttempts.deliveryId,
            tx
              .select({ id: webhookDeliveries.id })
              .from(webhookDeliveries)
              .where(
                and(
                  eq(webhookDeliveries.tenantId, tenantId),
                  inArray(webhookDeliveries.eventId, events),
                ),
              ),
          ),
        ),
      );
    await tx
      .update(webhookEvents)
      .set({ data: null })
      .where(and(eq(webhookEvents.tenantId, tenantId), inArray(webhookEvents.subjectId, subjects)));
    await tx
      .delete(customers)
      .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)));
    await recordAudit(tx, tenantId, actor, {
      action: "customer.erase",
      entityType: "customer",
      entityId: customerId,
      after: { appointments: ids.length },
    });
    return { appointments: ids.length };
  });
}
