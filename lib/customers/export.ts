import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { outboundMessages, payments, type Tenant } from "@/db/schema";
import { listAppointments, toAppointmentJson } from "@/lib/appointments";
import { fromMinorUnits } from "@/lib/i18n/money";
import { getCustomer, toCustomerJson } from "./customers";

/**
 * Everything the business holds about one customer (the right of access): their customer file,
 * every appointment they booked with the details they gave, the payments of those appointments,
 * and the messages sent to them. Only this business's, only this customer's.
 */
export async function customerExport(db: Database, tenant: Tenant, customerId: string, now: Date) {
  const customer = await getCustomer(db, tenant.id, customerId);
  const appointments = await listAppointments(db, tenant.id, { customerId });
  const ids = appointments.map((a) => a.id);
  const [paid, messages] = ids.length
    ? await Promise.all([
        db
          .select()
          .from(payments)
          .where(and(eq(payments.tenantId, tenant.id), inArray(payments.appointmentId, ids)))
          .orderBy(asc(payments.createdAt)),
        db
          .select()
          .from(outboundMessages)
          .where(
            and(
              eq(outboundMessages.tenantId, tenant.id),
              inArray(outboundMessages.appointmentId, ids),
              eq(outboundMessages.recipient, "customer"),
              sql`${outboundMessages.sentAt} is not null`,
            ),
          )
          .orderBy(asc(outboundMessages.sentAt)),
      ])
    : [[], []];
  const { notes: _notes, tags: _tags, ...file } = toCustomerJson(customer, tenant.currency);
  return {
    exportedAt: now.toISOString(),
    business: { name: tenant.name, slug: tenant.slug, contactEmail: tenant.contactEmail },
    // The team's own notes and tags are in it too: they are about the customer.
    customer: { ...file, notes: customer.notes, tags: customer.tags },
    // With the consent each booking recorded (the privacy notice accepted, the news agreed to).
    appointments: appointments.map((a) => ({
      ...toAppointmentJson(a),
      consent: {
        privacyAcceptedAt: a.privacyAcceptedAt?.toISOString() ?? null,
        marketingOptInAt: a.marketingOptInAt?.toISOString() ?? null,
      },
    })),
    payments: paid.map((p) => ({
      appointmentId: p.appointmentId,
      status: p.status,
      amount: fromMinorUnits(p.amountMinor, p.currency),
      refunded: fromMinorUnits(p.refundedMinor, p.currency),
      currency: p.currency,
      paidAt: p.paidAt?.toISOString() ?? null,
    })),
    messages: messages.map((m) => ({
      appointmentId: m.appointmentId,
      kind: m.kind,
      to: m.toAddress,
      subject: m.subject,
      sentAt: m.sentAt?.toISOString() ?? null,
      text: m.textBody,
    })),
  };
}

/** The export as a file to download. */
export function exportResponse(data: unknown, slug: string) {
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="my-data-${slug}.json"`,
      "cache-control": "private, no-store",
    },
  });
}
