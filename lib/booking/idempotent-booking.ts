import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { appointments, holdingStatuses, idempotencyKeys, type Tenant } from "@/db/schema";
import type { BookingInput } from "@/lib/appointments";
import { toInstant } from "@/lib/availability";
import { sha256Hex } from "@/lib/crypto/sha256";
import { AppError } from "@/lib/errors/app-error";

const TTL_MS = 24 * 3_600_000;

export interface StoredResponse {
  status: number;
  body: unknown;
  replayed: boolean;
}

/**
 * Runs `perform` once per Idempotency-Key and tenant for 24 hours: a retry gets the first success
 * again instead of a second booking or a conflict. The key is claimed in the same transaction as
 * the booking, so a concurrent retry waits for the first and then replays it; a failed attempt
 * leaves no claim. The same key with a different request is refused.
 */
export async function withIdempotencyKey(
  db: Database,
  tenant: Tenant,
  key: string,
  request: unknown,
  perform: (tx: Database) => Promise<{ status: number; body: unknown }>,
): Promise<StoredResponse> {
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new AppError("VALIDATION_ERROR", {
      "Idempotency-Key": { text: "idempotencyKey" },
    });
  }
  const requestHash = sha256Hex(JSON.stringify(request));
  return db.transaction(async (tx) => {
    const cutoff = new Date(Date.now() - TTL_MS);
    await tx
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.tenantId, tenant.id), lt(idempotencyKeys.createdAt, cutoff)));
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ tenantId: tenant.id, key, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (!claimed.length) {
      const [first] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.tenantId, tenant.id), eq(idempotencyKeys.key, key)));
      if (!first || first.responseStatus === null) throw new AppError("CONFLICT");
      if (first.requestHash !== requestHash) {
        throw new AppError("VALIDATION_ERROR", {
          "Idempotency-Key": { text: "idempotencyReused" },
        });
      }
      return { status: first.responseStatus, body: first.responseBody, replayed: true };
    }
    const response = await perform(tx);
    await tx
      .update(idempotencyKeys)
      .set({ responseStatus: response.status, responseBody: response.body })
      .where(and(eq(idempotencyKeys.tenantId, tenant.id), eq(idempotencyKeys.key, key)));
    return { ...response, replayed: false };
  });
}

/**
 * A booking endpoint's answer: `perform` once per Idempotency-Key when the request sends one (a
 * replay says so in `Idempotent-Replayed`), else simply once.
 */
export async function idempotentAnswer(
  db: Database,
  tenant: Tenant,
  key: string | null,
  request: unknown,
  perform: (tx: Database) => Promise<{ status: number; body: unknown }>,
): Promise<Response> {
  const result = key
    ? await withIdempotencyKey(db, tenant, key, request, perform)
    : await perform(db);
  const headers =
    "replayed" in result && result.replayed ? { "Idempotent-Replayed": "true" } : undefined;
  return Response.json(result.body, { status: result.status, headers });
}

/**
 * Whether the customer of a booking form already holds this very booking (the same service at the
 * same start, under the same e-mail address): the form sent again, from Back or another tab.
 */
export async function alreadyHeld(
  db: Database,
  tenant: Tenant,
  input: BookingInput,
): Promise<boolean> {
  const start = toInstant(input.dateTime, tenant.timeZone);
  const email = input.clientInfo.email;
  if (!email || Number.isNaN(start)) return false;
  const [row] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.tenantId, tenant.id),
        eq(appointments.activityId, input.activityId),
        eq(appointments.startsAt, new Date(start)),
        inArray(appointments.status, [...holdingStatuses]),
        sql`lower(${appointments.clientEmail}) = lower(${email})`,
      ),
    )
    .limit(1);
  return Boolean(row);
}
