import { randomBytes, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type ApiKey, type ApiKeyScope, apiKeys } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit";
import { sha256Hex } from "@/lib/crypto/sha256";
import { AppError } from "@/lib/errors/app-error";

// Key format: rvz_<prefix>_<secret>. The prefix finds the row; only a hash of the whole key is
// stored. Keys carry 256 random bits, so a fast hash is enough (as with GitHub or Stripe keys):
// a slow password hash would only make every API call slower.
const KEY_PATTERN = /^rvz_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

const PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

export type PublicApiKey = Omit<ApiKey, "secretHash">;

const toPublicApiKey = ({ secretHash: _, ...key }: ApiKey): PublicApiKey => key;

export async function createApiKey(
  db: Database,
  tenantId: string,
  input: { name?: string; scope?: ApiKeyScope },
  actor: Actor,
): Promise<{ apiKey: PublicApiKey; secret: string }> {
  const prefix = Array.from(randomBytes(12), (byte) => PREFIX_ALPHABET[byte % 36]).join("");
  const secret = `rvz_${prefix}_${randomBytes(32).toString("base64url")}`;
  const name = input.name?.trim() || "API key";
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ tenantId, name, prefix, secretHash: sha256Hex(secret), scope: input.scope })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAudit(tx, tenantId, actor, {
      action: "api_key.create",
      entityType: "api_key",
      entityId: row.id,
      after: { name, prefix: row.prefix, scope: row.scope },
    });
    return { apiKey: toPublicApiKey(row), secret };
  });
}

/** The key that this secret belongs to, whichever tenant owns it, or undefined. */
export async function findApiKeyBySecret(
  db: Database,
  secret: string,
): Promise<PublicApiKey | undefined> {
  const match = KEY_PATTERN.exec(secret);
  if (!match) return undefined;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.prefix, match[1] as string));
  if (!row) return undefined;
  const expected = Buffer.from(row.secretHash, "hex");
  const actual = Buffer.from(sha256Hex(secret), "hex");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  return toPublicApiKey(row);
}

/** Revokes a live key of this tenant, named by its id or by its public prefix. */
export async function revokeApiKey(
  db: Database,
  tenantId: string,
  key: { id: string } | { prefix: string },
  actor: Actor,
) {
  const match = "id" in key ? eq(apiKeys.id, key.id) : eq(apiKeys.prefix, key.prefix);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.tenantId, tenantId), match, isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw new AppError("NOT_FOUND");
    await recordAudit(tx, tenantId, actor, {
      action: "api_key.revoke",
      entityType: "api_key",
      entityId: row.id,
      before: { name: row.name, prefix: row.prefix },
    });
    return toPublicApiKey(row);
  });
}

/** The business's keys, newest first, without their hashes (revoked ones too, for the record). */
export async function listApiKeys(db: Database, tenantId: string): Promise<PublicApiKey[]> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.tenantId, tenantId))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(toPublicApiKey);
}
