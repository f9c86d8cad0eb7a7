import { and, count, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { type Database, sqlStateOf } from "@/db/client";
import { type Role, type User, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { actorOf, type Caller, endSessions, hashPassword, verifyPassword } from "@/lib/auth";
import { AppError } from "@/lib/errors/app-error";
import { emailSchema } from "@/lib/validation";
import { passwordSchema, roleSchema } from "./schema";

// The team, as its owners run it, and each user's own account. Every change to who someone is or
// what they may do ends their sessions on every instance: a removed member, a demoted admin or a
// reset password takes effect at their next request, not when their cookie expires.

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function lockedUser(tx: Tx, tenantId: string, id: string): Promise<User> {
  const [user] = await tx
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)))
    .for("update");
  if (!user) throw new AppError("NOT_FOUND");
  return user;
}

/** Only owners run the team, and not on themselves (their own account is changed apart). */
function assertRunsTeam(caller: Caller, memberId: string) {
  if (caller.kind !== "user" || caller.role !== "owner") throw new AppError("FORBIDDEN");
  if (caller.id === memberId) {
    throw new AppError("FORBIDDEN", { user: { text: "ownAccount" } });
  }
}

/** Refuses to leave the business without an owner (owners are locked first: two at once wait). */
async function assertAnotherOwner(tx: Tx, tenantId: string, userId: string) {
  await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.role, "owner")))
    .for("update");
  const [others] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.role, "owner"), ne(users.id, userId)));
  if (!others?.n) throw new AppError("LAST_OWNER");
}

const label = (user: User) => user.name || user.email;

/** Writes a change to a user, ends their sessions and records it: what every change here does. */
async function changeUser(
  tx: Tx,
  caller: Caller,
  userId: string,
  set: Partial<Pick<User, "role" | "email" | "passwordHash">>,
  audit: { action: string; before?: unknown; after?: unknown },
) {
  await tx
    .update(users)
    .set(set)
    .where(and(eq(users.tenantId, caller.tenantId), eq(users.id, userId)));
  await endSessions(tx, caller.tenantId, userId);
  await recordAudit(tx, caller.tenantId, actorOf(caller), {
    ...audit,
    entityType: "user",
    entityId: userId,
  });
}

export async function changeRole(
  db: Database,
  caller: Caller,
  memberId: string,
  role: Role,
): Promise<void> {
  assertRunsTeam(caller, memberId);
  const newRole = roleSchema.parse(role);
  await db.transaction(async (tx) => {
    const member = await lockedUser(tx, caller.tenantId, memberId);
    if (member.role === newRole) return;
    if (member.role === "owner") await assertAnotherOwner(tx, caller.tenantId, memberId);
    await changeUser(
      tx,
      caller,
      memberId,
      { role: newRole },
      {
        action: "user.update",
        before: { name: label(member), role: member.role },
        after: { name: label(member), role: newRole },
      },
    );
  });
}

export async function removeMember(db: Database, caller: Caller, memberId: string): Promise<void> {
  assertRunsTeam(caller, memberId);
  await db.transaction(async (tx) => {
    const member = await lockedUser(tx, caller.tenantId, memberId);
    if (member.role === "owner") await assertAnotherOwner(tx, caller.tenantId, memberId);
    await tx.delete(users).where(and(eq(users.tenantId, caller.tenantId), eq(users.id, memberId)));
    await recordAudit(tx, caller.tenantId, actorOf(caller), {
      action: "user.remove",
      entityType: "user",
      entityId: memberId,
      before: { name: label(member), email: member.email, role: member.role },
    });
  });
}

/** A new password the owner hands over (a member who forgot theirs). */
export async function resetPassword(
  db: Database,
  caller: Caller,
  memberId: string,
  password: string,
): Promise<void> {
  assertRunsTeam(caller, memberId);
  const passwordHash = await hashPassword(
    z.object({ password: passwordSchema }).parse({ password }).password,
  );
  await db.transaction(async (tx) => {
    const member = await lockedUser(tx, caller.tenantId, memberId);
    await changeUser(
      tx,
      caller,
      memberId,
      { passwordHash },
      {
        action: "user.password",
        after: { name: label(member) },
      },
    );
  });
}

export const ownAccountSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  email: emailSchema,
  // Empty: the password stays.
  newPassword: z
    .string()
    .max(200)
    .transform((v) => v || null)
    .pipe(passwordSchema.nullable()),
});

/**
 * A user changes their own e-mail address and password, proving who they are with the current
 * one. Their sessions end, this one included: they sign in again with what they just set.
 */
export async function changeOwnAccount(
  db: Database,
  caller: Caller,
  input: z.input<typeof ownAccountSchema>,
): Promise<void> {
  if (caller.kind !== "user") throw new AppError("FORBIDDEN");
  const { currentPassword, email, newPassword } = ownAccountSchema.parse(input);
  const [me] = await db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, caller.tenantId), eq(users.id, caller.id)));
  if (!me) throw new AppError("NOT_FOUND");
  if (!(await verifyPassword(me.passwordHash, currentPassword))) {
    throw new AppError(
      "WRONG_PASSWORD",
      { currentPassword: { text: "wrongPassword" } },
      undefined,
      {
        currentPassword: { kind: "wrongPassword" },
      },
    );
  }
  const passwordHash = newPassword ? await hashPassword(newPassword) : me.passwordHash;
  try {
    await db.transaction((tx) =>
      changeUser(
        tx,
        caller,
        caller.id,
        { email, passwordHash },
        {
          action: "user.update",
          before: { name: label(me), email: me.email },
          after: { name: label(me), email, passwordChanged: Boolean(newPassword) },
        },
      ),
    );
  } catch (error) {
    if (sqlStateOf(error) === "23505") {
      throw new AppError(
        "CONFLICT",
        { email: "a user with this email already exists" },
        undefined,
        {
          email: { kind: "taken" },
        },
      );
    }
    throw error;
  }
}
