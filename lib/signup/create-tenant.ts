import type { z } from "zod";
import { type Database, sqlStateOf } from "@/db/client";
import type { ConfirmOnlineBookings } from "@/db/enums";
import { locations, staffMembers, type Tenant, tenants } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors/app-error";
import { tenantProfileSchema } from "@/lib/tenants";
import { createUser, type PublicUser, passwordSchema } from "@/lib/users";
import { emailSchema, requiredText } from "@/lib/validation";

/** A new business and its owner's account. */
export const createTenantSchema = tenantProfileSchema.extend({
  ownerEmail: emailSchema,
  ownerPassword: passwordSchema,
  ownerName: requiredText(120).optional(),
});
export type CreateTenantInput = z.input<typeof createTenantSchema>;

/**
 * Creates a business and its owner together: either both exist afterwards or neither does. The
 * owner's address is the business's contact e-mail until they set another (customers told to
 * "contact the business" are always told how). The owner is also its first staff member, working
 * its opening hours: a business of one is bookable as soon as it has a service and hours.
 */
export async function createTenant(
  db: Database,
  input: CreateTenantInput,
  actor: Actor,
  // Signed up on the web: no bookings until the owner confirms their address, and a first-run guide.
  {
    signedUp = false,
    confirmOnlineBookings,
  }: { signedUp?: boolean; confirmOnlineBookings?: ConfirmOnlineBookings } = {},
): Promise<{ tenant: Tenant; owner: PublicUser }> {
  const { ownerEmail, ownerPassword, ownerName, ...profile } = createTenantSchema.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [tenant] = await tx
        .insert(tenants)
        .values({
          ...profile,
          contactEmail: ownerEmail,
          ...(signedUp ? { confirmedAt: null, guideDoneAt: null } : {}),
          ...(confirmOnlineBookings ? { confirmOnlineBookings } : {}),
        })
        .returning();
      if (!tenant) throw new Error("insert returned no row");
      await recordAudit(tx, tenant.id, actor, {
        action: "tenant.create",
        entityType: "tenant",
        entityId: tenant.id,
        after: profile,
      });
      const owner = await createUser(
        tx,
        tenant.id,
        { email: ownerEmail, password: ownerPassword, name: ownerName, role: "owner" },
        actor,
      );
      // Its one location takes everything else from the business; nobody sees it until a second.
      const [location] = await tx
        .insert(locations)
        .values({ tenantId: tenant.id, name: tenant.name })
        .returning({ id: locations.id });
      await tx.insert(staffMembers).values({
        tenantId: tenant.id,
        name: owner.name,
        color: "#2563eb",
        userId: owner.id,
        locationId: location?.id ?? "",
      });
      return { tenant, owner };
    });
  } catch (error) {
    if (sqlStateOf(error) === "23505" && !(error instanceof AppError)) {
      throw new AppError("CONFLICT", { slug: { text: "slugTaken" } });
    }
    throw error;
  }
}
