import { and, eq, isNull, sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import { outboundMessages, reviewInvitations } from "@/db/schema";
import { isSecretToken, newSecretToken } from "@/lib/crypto/secret-token";
import { sha256Hex } from "@/lib/crypto/sha256";
import { writeOwed } from "@/lib/outbox";

/** How long after it ends a completed appointment still gets its invitation. */
const INVITE_WITHIN_DAYS = 14;

/** The review link of a booking: its private link's address, at /review/<token> instead. */
export function reviewLink(manageUrl: string, token: string) {
  const url = new URL(manageUrl);
  url.pathname = `/review/${token}`;
  return url.href;
}

/**
 * Invites, once, the customer of each appointment completed lately who left an e-mail address and
 * has not reviewed it, to rate it through a single-use link (a message, written with its
 * invitation in one transaction). The link is made on the address their booking's messages used
 * (its subdomain, or `?tenant=`); a booking without one is invited from the account only.
 */
export async function inviteToReview(db: Database, now: Date): Promise<number> {
  const due = await queryRows<{ tenant_id: string; id: string; manage_url: string | null }>(
    db,
    sql`select a.tenant_id, a.id, (select m.payload ->> 'manageUrl' from ${outboundMessages} m
          where m.tenant_id = a.tenant_id and m.appointment_id = a.id and m.kind = 'booked'
            and m.recipient = 'customer' limit 1) as manage_url
        from appointments a
        where a.status = 'completed' and a.customer_id is not null and a.client_email is not null
          and a.ends_at > ${now.toISOString()}::timestamptz - make_interval(days => ${INVITE_WITHIN_DAYS})
          and not exists (select 1 from ${reviewInvitations} i
            where i.tenant_id = a.tenant_id and i.appointment_id = a.id)
        limit 200`,
  );
  for (const row of due) {
    const token = newSecretToken();
    await db.transaction(async (tx) => {
      const [made] = await tx
        .insert(reviewInvitations)
        .values({
          tenantId: row.tenant_id,
          appointmentId: row.id,
          tokenHash: row.manage_url ? sha256Hex(token) : null,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: reviewInvitations.appointmentId });
      if (!made || !row.manage_url) return;
      await writeOwed(tx, row.tenant_id, row.id, [
        {
          kind: "review_invite",
          recipient: "customer",
          sendAfter: now,
          payload: { by: "business", sequence: 0, link: reviewLink(row.manage_url, token) },
        },
      ]);
    });
  }
  return due.length;
}

/** The appointment a review link opens, while unused; null for any other token. */
export async function invitationOf(db: Database, tenantId: string, token: string) {
  if (!isSecretToken(token)) return null;
  const [row] = await db
    .select({ appointmentId: reviewInvitations.appointmentId })
    .from(reviewInvitations)
    .where(
      and(
        eq(reviewInvitations.tenantId, tenantId),
        eq(reviewInvitations.tokenHash, sha256Hex(token)),
        isNull(reviewInvitations.usedAt),
      ),
    );
  return row?.appointmentId ?? null;
}
