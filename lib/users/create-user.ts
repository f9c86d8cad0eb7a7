import { asc, eq } from "drizzle-orm";
import { type Database, sqlStateOf } from "@/db/client";
import { type User, users } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth";
import { AppError } from "@/lib/errors/app-error";
import { type CreateUserInput, createUserSchema } from "./schema";

export type PublicUser = Omit<User, "passwordHash">;

export const toPublicUser = ({ passwordHash: _, ...user }: User): PublicUser => user;

export async function createUser(
  db: Database,
  tenantId: string,
  input: CreateUserInput,
  actor: Actor,
): Promise<PublicUser> {
  const { email, password, role, name } = createUserSchema.parse(input);
  const passwordHash = await hashPassword(password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ tenantId, email, name: name ?? email.split("@")[0] ?? email, passwordHash, role })
        .returning();
      if (!user) throw new Error("insert returned no row");
      const publicUser = toPublicUser(user);
      await recordAudit(tx, tenantId, actor, {
        action: "user.create",
        entityType: "user",
        entityId: user.id,
        after: { email: user.email, name: user.name, role: user.role },
      });
      return publicUser;
    });
  } catch (error) {
    if (sqlStateOf(error) === "23505") {
      throw new AppError("CONFLICT", { email: { text: "emailTaken" } });
    }
    throw error;
  }
}

export async function listUsers(db: Database, tenantId: string): Promise<PublicUser[]> {
  const rows = await db
    .select()
    .from(users)
    .where(eq(users.tenantId, tenantId))
    .orderBy(asc(users.createdAt), asc(users.email));
  return rows.map(toPublicUser);
}
