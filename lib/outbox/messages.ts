import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type MessageKind, type MessagePayload, outboundMessages } from "@/db/schema";
import type { Actor } from "@/lib/audit";
import { MINUTE_MS } from "@/lib/scheduling/durations";

/** What happened to an appointment, as far as messages go. */
export type AppointmentEvent = "booked" | "confirmed" | "moved" | "cancelled" | "ended";

export interface OwedMessage {
  kind: MessageKind;
  recipient: "customer" | "business";
  sendAfter: Date;
  payload: MessagePayload;
}

export interface EventFacts {
  event: AppointmentEvent;
  actor: Actor;
  customerEmail: string | null;
  startsAt: Date;
  /** Minutes before the start the reminder goes out; null: no reminder. */
  reminderLead: number | null;
  sequence: number;
  /** A booking's first status: what its first message says (received or confirmed). */
  status?: "pending" | "confirmed";
  /** A move that only changed the staff member. */
  staffOnly?: boolean;
  manageUrl?: string;
  /** Why (a cancellation's), as given. */
  reason?: string | null;
  now: Date;
}

/** The reminder lead of an appointment: its own (an integrator's), else its activity's setting. */
export function reminderLead(
  activity: { reminderEnabled: boolean; reminderHoursBefore: number | null },
  reminderMinutes: number | null,
): number | null {
  if (reminderMinutes !== null) return reminderMinutes;
  return activity.reminderEnabled && activity.reminderHoursBefore !== null
    ? activity.reminderHoursBefore * 60
    : null;
}

/**
 * The messages a change owes, the one place that says who is told of what:
 * - the customer, when they left an e-mail address, of every change (a walk-in without one hears
 *   nothing), and reminded `lead` before the start, unless that moment has passed already;
 * - the business, of what its customers did (a booking, a cancellation, a move), not of its own
 *   changes.
 */
export function owedMessages(facts: EventFacts): OwedMessage[] {
  const { event, actor, now } = facts;
  const by = actor.type === "customer" ? "customer" : "business";
  const payload = {
    by,
    sequence: facts.sequence,
    ...(facts.status ? { status: facts.status } : {}),
    ...(facts.staffOnly ? { staffOnly: true } : {}),
    ...(facts.manageUrl ? { manageUrl: facts.manageUrl } : {}),
    ...(facts.reason ? { reason: facts.reason } : {}),
  } as const;
  if (event === "ended") return [];
  const owed: OwedMessage[] = [];
  if (facts.customerEmail) {
    owed.push({ kind: event, recipient: "customer", sendAfter: now, payload });
  }
  if (by === "customer" && event !== "confirmed") {
    owed.push({ kind: event, recipient: "business", sendAfter: now, payload });
  }
  const remindAt =
    facts.reminderLead === null ? null : facts.startsAt.getTime() - facts.reminderLead * MINUTE_MS;
  if (
    (event === "booked" || event === "moved") &&
    facts.customerEmail &&
    remindAt !== null &&
    remindAt > now.getTime()
  ) {
    owed.push({ kind: "reminder", recipient: "customer", sendAfter: new Date(remindAt), payload });
  }
  return owed;
}

const values = (tenantId: string, appointmentId: SQL, owed: OwedMessage[]) =>
  sql.join(
    owed.map(
      (m) =>
        sql`(${tenantId}::uuid, ${appointmentId}, ${m.kind}, ${m.recipient},
          ${m.sendAfter.toISOString()}::timestamptz, ${JSON.stringify(m.payload)}::jsonb)`,
    ),
    sql`, `,
  );

/**
 * The CTE (`owed`) that writes the messages a new booking owes, in the statement that inserts it:
 * one per row of `source` (which has its `id`); nothing when none are owed.
 */
export function owedCte(tenantId: string, owed: OwedMessage[], source: SQL): SQL {
  if (!owed.length) return sql``;
  return sql`, owed as (
      insert into ${outboundMessages}
        (tenant_id, appointment_id, kind, recipient, send_after, payload)
      select m.* from ${source} s,
        lateral (values ${values(tenantId, sql`s.id`, owed)}) as m
    )`;
}

/**
 * What a change makes pointless among the messages still waiting: the reminder when the time moves
 * or the appointment will not take place, and a move's notice when a newer move will show the new
 * time anyway.
 */
const withdrawnBy: Record<AppointmentEvent, MessageKind[]> = {
  booked: [],
  confirmed: [],
  moved: ["reminder", "moved"],
  cancelled: ["reminder"],
  ended: ["reminder"],
};

/**
 * Writes the messages a change owes, in its transaction; a move, a cancellation or an end first
 * withdraws the reminder still waiting (a move owes a new one).
 */
export async function recordOwed(
  tx: Database,
  tenantId: string,
  appointmentId: string,
  facts: EventFacts,
): Promise<OwedMessage[]> {
  const withdrawn = withdrawnBy[facts.event];
  if (withdrawn.length) {
    await tx
      .update(outboundMessages)
      .set({ status: "cancelled" })
      .where(
        and(
          eq(outboundMessages.tenantId, tenantId),
          eq(outboundMessages.appointmentId, appointmentId),
          inArray(outboundMessages.kind, withdrawn),
          eq(outboundMessages.status, "queued"),
        ),
      );
  }
  return writeOwed(tx, tenantId, appointmentId, owedMessages(facts));
}

/** Writes the given messages of an appointment (none: the business's), in the caller's transaction. */
export async function writeOwed(
  tx: Database,
  tenantId: string,
  appointmentId: string | null,
  owed: OwedMessage[],
): Promise<OwedMessage[]> {
  if (owed.length) {
    await tx.execute(
      sql`insert into ${outboundMessages}
            (tenant_id, appointment_id, kind, recipient, send_after, payload)
          values ${values(tenantId, sql`${appointmentId}::uuid`, owed)}`,
    );
  }
  return owed;
}

/**
 * The messages a booking held back until its payment, as they go out once paid: its first message
 * now says confirmed, and a reminder whose moment has passed meanwhile is dropped.
 */
export function releasedOnPayment(held: OwedMessage[], now: Date): OwedMessage[] {
  return held.flatMap((m) => {
    const sendAfter = new Date(m.sendAfter);
    if (m.kind === "reminder") return sendAfter > now ? [{ ...m, sendAfter }] : [];
    const payload =
      m.kind === "booked" ? { ...m.payload, status: "confirmed" as const } : m.payload;
    return [{ ...m, payload, sendAfter: now }];
  });
}

/** The customer is told of a refund made to them, when they left an e-mail address. */
export function owedOnRefund(
  customerEmail: string | null,
  sequence: number,
  refund: NonNullable<MessagePayload["refund"]>,
  now: Date,
): OwedMessage[] {
  if (!customerEmail) return [];
  return [
    {
      kind: "refunded",
      recipient: "customer",
      sendAfter: now,
      payload: { by: "business", sequence, refund },
    },
  ];
}

/** The owners are told that a webhook endpoint was turned off after days of failures. */
export const owedOnWebhookDisabled = (url: string, now: Date): OwedMessage[] => [
  {
    kind: "webhook_disabled",
    recipient: "business",
    sendAfter: now,
    payload: { by: "business", sequence: 0, webhook: { url } },
  },
];
