import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { OwedMessage } from "@/lib/outbox";
import type { PublicUser } from "@/lib/users";
import { sendConfirmationLink } from "./confirm-email";
import { createTenant } from "./create-tenant";
import { passwordStrength } from "./password-strength";
import { type RegisterInput, registerSchema } from "./schema";
import { proposeSlug } from "./slugs";

export interface Registration {
  tenant: Tenant;
  owner: PublicUser;
  /** The confirmation e-mail, for the caller to wake the workers once committed. */
  owed: OwedMessage[];
}

/**
 * Signs a business up on its own: the business, its owner (who may sign in at once) and the
 * e-mail asking the owner to confirm their address, in one transaction. Until that link is used
 * the business takes no bookings online, so nobody books with an address nobody reads.
 */
export async function registerBusiness(
  db: Database,
  input: RegisterInput,
  now: Date,
  options: {
    confirmLinkFor: (tenant: Tenant) => (token: string) => string;
    /** Called once the input is valid, before anything is written: a rate limit refuses here. */
    admit?: () => Promise<void>;
  },
): Promise<Registration> {
  const parsed = registerSchema.parse(input);
  const { score, strong } = await passwordStrength(
    parsed.password,
    [parsed.ownerName, parsed.email, parsed.businessName, parsed.slug ?? ""],
    parsed.locale,
  );
  if (!strong) {
    throw new AppError(
      "VALIDATION_ERROR",
      { password: { text: "passwordStrength", values: { score } } },
      undefined,
      { password: { kind: "weakPassword" } },
    );
  }
  await options.admit?.();
  const slug = parsed.slug ?? (await proposeSlug(db, parsed.businessName)).slug;
  return db.transaction(async (tx) => {
    const { tenant, owner } = await createTenant(
      tx,
      {
        slug,
        name: parsed.businessName,
        timeZone: parsed.timeZone,
        locale: parsed.locale,
        ownerEmail: parsed.email,
        ownerPassword: parsed.password,
        ownerName: parsed.ownerName,
      },
      { type: "user", label: "sign-up" },
      { signedUp: true, confirmOnlineBookings: parsed.confirmOnlineBookings },
    );
    const owed = await sendConfirmationLink(
      tx,
      tenant.id,
      owner,
      now,
      options.confirmLinkFor(tenant),
    );
    return { tenant, owner, owed };
  });
}
