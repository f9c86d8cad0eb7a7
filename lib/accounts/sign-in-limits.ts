import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { clientAddress } from "@/lib/http/client-address";
import { consume, limitersFor } from "@/lib/rate-limit/limiters";
import { emailKey } from "./sign-in-codes";

/**
 * Counts a customer's sign-in step (asking for a code, or trying one) against the sign-in limits
 * of the client address and of the e-mail address at this business, before anything is done
 * (atomic, so concurrent requests are limited like sequential ones): RATE_LIMIT_EXCEEDED past
 * either. A code can neither flood someone's inbox nor be guessed from many codes at once.
 */
export async function admitSignInStep(
  db: Database,
  tenant: Tenant,
  headers: Headers,
  email: string,
): Promise<void> {
  const limiters = limitersFor(db);
  const keys = [
    `customer-ip:${clientAddress(headers, env().trustProxy)}`,
    `customer:${tenant.id}:${emailKey(email)}`,
  ];
  const states = await Promise.all(keys.map((key) => consume(limiters, "signIn", key)));
  if (states.some((s) => !s.allowed)) throw new AppError("RATE_LIMIT_EXCEEDED");
}
