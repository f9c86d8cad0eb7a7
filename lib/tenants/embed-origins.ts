import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { type Tenant, tenants } from "@/db/schema";
import { type Actor, recordAudit } from "@/lib/audit";

export const MAX_EMBED_ORIGINS = 10;

/** A site that may show the booking widget: a scheme, a host and a port, nothing more. */
const originSchema = z
  .string()
  .trim()
  .max(200)
  .refine((value) => {
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/$/, "");
    } catch {
      return false;
    }
  }, "origin")
  .transform((value) => new URL(value).origin);

const embedOriginsSchema = z
  .array(originSchema)
  .max(MAX_EMBED_ORIGINS)
  .transform((origins) => [...new Set(origins)]);

/** The origins typed one per line (blank lines ignored). */
export const embedOriginsFromText = (text: string) =>
  embedOriginsSchema.parse(
    text
      .split(/[\s,]+/)
      .map((line) => line.trim())
      .filter(Boolean),
  );

/** Paths a business's widget shows: its booking pages, not its dashboard or a manage link. */
export const isEmbeddablePath = (pathname: string) =>
  pathname === "/" || pathname.startsWith("/book/");

export async function setEmbedOrigins(
  db: Database,
  tenant: Tenant,
  origins: string[],
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(tenants).set({ embedOrigins: origins }).where(eq(tenants.id, tenant.id));
    await recordAudit(tx, tenant.id, actor, {
      action: "tenant.embed_origins",
      entityType: "tenant",
      entityId: tenant.id,
      before: { embedOrigins: tenant.embedOrigins },
      after: { embedOrigins: origins },
    });
  });
}
