import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { activities, appointments, type PaymentStatus, payments, type Tenant } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { fromMinorUnits } from "@/lib/i18n/money";

/** What a receipt can be made for: a payment that went through (refunded since, or not). */
const receiptStatuses: PaymentStatus[] = ["paid", "partially_refunded", "refunded"];

/** A payment of the customer, with what it paid for. */
export interface MyPayment {
  id: string;
  appointmentId: string;
  activityName: string;
  appointmentStartsAt: Date;
  locationId: string;
  /** The whole price, or a deposit. */
  rule: "full" | "deposit";
  amountMinor: number;
  refundedMinor: number;
  currency: string;
  status: PaymentStatus;
  paidAt: Date | null;
  createdAt: Date;
}

const columns = {
  id: payments.id,
  appointmentId: payments.appointmentId,
  activityName: activities.name,
  appointmentStartsAt: appointments.startsAt,
  locationId: appointments.locationId,
  rule: payments.rule,
  amountMinor: payments.amountMinor,
  refundedMinor: payments.refundedMinor,
  currency: payments.currency,
  status: payments.status,
  paidAt: payments.paidAt,
  createdAt: payments.createdAt,
};

function ofCustomer(db: Database, tenantId: string, customerId: string, only?: SQL) {
  return db
    .select(columns)
    .from(payments)
    .innerJoin(
      appointments,
      and(
        eq(appointments.tenantId, payments.tenantId),
        eq(appointments.id, payments.appointmentId),
      ),
    )
    .innerJoin(
      activities,
      and(eq(activities.tenantId, payments.tenantId), eq(activities.id, payments.activityId)),
    )
    .where(and(eq(payments.tenantId, tenantId), eq(appointments.customerId, customerId), only));
}

/** The customer's payments at this business, latest first (those still awaited too). */
export async function myPayments(
  db: Database,
  tenant: Tenant,
  customerId: string,
): Promise<MyPayment[]> {
  return ofCustomer(db, tenant.id, customerId).orderBy(desc(payments.createdAt), desc(payments.id));
}

/** One payment of the customer that went through; NOT_FOUND for any other. */
export async function myPaidPayment(
  db: Database,
  tenant: Tenant,
  customerId: string,
  paymentId: string,
): Promise<MyPayment> {
  const [row] = await ofCustomer(
    db,
    tenant.id,
    customerId,
    and(eq(payments.id, paymentId), inArray(payments.status, receiptStatuses)),
  );
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export const hasReceipt = (payment: Pick<MyPayment, "status">) =>
  receiptStatuses.includes(payment.status);

export function toPaymentJson(p: MyPayment) {
  return {
    id: p.id,
    appointmentId: p.appointmentId,
    activityName: p.activityName,
    appointmentDateTime: p.appointmentStartsAt.toISOString(),
    kind: p.rule,
    amount: fromMinorUnits(p.amountMinor, p.currency),
    refunded: fromMinorUnits(p.refundedMinor, p.currency),
    currency: p.currency,
    status: p.status,
    paidAt: p.paidAt?.toISOString() ?? null,
    hasReceipt: hasReceipt(p),
  };
}
