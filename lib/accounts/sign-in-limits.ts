import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import { customerEmailKey } from "@/lib/customers";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { clientAddress } from "@/lib/http/client-address";
import { consume, limitersFor } from "@/lib/rate-limit/limiters";

/**
 * Counts a request for a sign-in code against the sign-in limits of the client address and of the
 * e-mail address at this business, before anything is sent (atomic, so concurrent requests are
 * limited like sequential ones): RATE_LIMIT_EXCEEDED past either. Nobody's inbox can be flooded,
 * and as each code takes five tries at most, guesses are bounded by the codes one can ask for.
 */
export async function admitCodeRequest(
  db: Database,
  tenant: Tenant,
  headers: Headers,
  email: string,
): Promise<void> {
  const limiters = limitersFor(db);
  const keys = [
    `customer-ip:${clientAddress(headers, env().trustProxy)}`,
    `customer:${tenant.id}:${customerEmailKey(email)}`,
  ];
  const states = await Promise.all(keys.map((key) => consume(limiters, "signIn", key)));
  if (states.some((s) => !s.allowed)) throw new AppError("RATE_LIMIT_EXCEEDED");
}
