import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { clientAddress } from "@/lib/http/client-address";
import { consume, limitersFor } from "@/lib/rate-limit/limiters";
import { confirmLinks } from "@/lib/tenants";
import { type Registration, registerBusiness } from "./register";
import type { RegisterInput } from "./schema";

/**
 * A sign-up from the web form or the API, on the same rules: refused while registration is closed;
 * each valid one counts against its client address's hourly limit; the confirmation link points
 * at the business's own address on this server.
 */
export async function signUp(
  db: Database,
  input: RegisterInput,
  headers: Headers,
  now = new Date(),
): Promise<Registration> {
  const config = env();
  if (!config.registrationOpen) throw new AppError("REGISTRATION_CLOSED");
  return registerBusiness(db, input, now, {
    confirmLinkFor: (tenant) => confirmLinks(headers, tenant, config.appRootDomain),
    admit: async () => {
      const key = `ip:${clientAddress(headers, config.trustProxy)}`;
      const state = await consume(limitersFor(db), "register", key);
      if (!state.allowed) throw new AppError("RATE_LIMIT_EXCEEDED");
    },
  });
}
