import type { Database } from "@/db/client";
import { getCustomer, toCustomerJson } from "@/lib/customers";
import { orUndefinedIfNotFound } from "@/lib/errors/app-error";

/** A customer event's data: the customer as the API shows it (only its id once it is gone). */
export async function customerData(
  db: Database,
  tenantId: string,
  customerId: string,
  currency: string,
) {
  const customer = await orUndefinedIfNotFound(getCustomer(db, tenantId, customerId));
  return { customer: customer ? toCustomerJson(customer, currency) : { id: customerId } };
}
