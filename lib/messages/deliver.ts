import { and, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import {
  customers,
  type OutboundMessage,
  outboundMessages,
  staffMembers,
  tenants,
  users,
} from "@/db/schema";
import { getAppointment, holdsTime } from "@/lib/appointments";
import type { Locale } from "@/lib/i18n/locales";
import { claimDue } from "@/lib/jobs/claim-due";
import { RetrySchedule } from "@/lib/jobs/retry-schedule";
import { publicLocations } from "@/lib/locations";
import { describeError, logger } from "@/lib/logger";
import type { Mailer } from "@/lib/mail/mailer";
import { MINUTE_MS } from "@/lib/scheduling/durations";
import { recordAppointmentEvents } from "@/lib/webhooks";
import { type RenderedMessage, renderBusinessNotice, renderMessage } from "./render";

/** A claim outlives any one SMTP exchange (see smtpMailer's timeouts), so it is never cut short. */
export const CLAIM_MINUTES = 5;
/** A message's tries: at once, then 1, 5, 30 and 120 minutes after each failure; then failed. */
const RETRIES = new RetrySchedule([1, 5, 30, 120].map((minutes) => minutes * MINUTE_MS));
export const MAX_ATTEMPTS = RETRIES.maxAttempts;

export interface DeliveryOptions {
  now: Date;
  /** Null: no SMTP server; messages are rendered and stored for the outbox page. */
  mailer: Mailer | null;
  from: string;
  /** At most this many messages in one pass. */
  limit?: number;
}

/**
 * Takes one due message for this process: it goes from queued to sending in one statement, and
 * rows another process holds are skipped, so that two instances never take the same message.
 */
async function claimNext(db: Database, now: Date): Promise<OutboundMessage | undefined> {
  const [row] = await claimDue(db, {
    table: outboundMessages,
    candidates: sql`select tenant_id, id from ${outboundMessages}
      where status = 'queued' and send_after <= ${now.toISOString()}::timestamptz
      order by send_after, created_at limit 1 for update skip locked`,
    now,
    leaseMs: CLAIM_MINUTES * MINUTE_MS,
    alsoSet: sql`status = 'sending'`,
  });
  if (!row) return undefined;
  const [message] = await db
    .select()
    .from(outboundMessages)
    .where(and(eq(outboundMessages.tenantId, row.tenant_id), eq(outboundMessages.id, row.id)));
  return message;
}

/**
 * Puts back the messages whose sender died mid-way (its claim ran out): they go out again, unless
 * the sender had begun handing them to the SMTP server, in which case they may have been sent and
 * wait, flagged, for the owner to send them again. With `all`, every message being sent: right for
 * PGlite at start-up, which one process owns.
 */
export async function releaseStaleClaims(db: Database, now: Date, all = false) {
  await db
    .update(outboundMessages)
    .set({
      status: sql`case when ${outboundMessages.handedOffAt} is null then 'queued' else 'uncertain' end`,
      claimedUntil: null,
    })
    .where(
      and(
        eq(outboundMessages.status, "sending"),
        all ? undefined : sql`${outboundMessages.claimedUntil} < ${now.toISOString()}::timestamptz`,
      ),
    );
}

/** Sends (or stores) every message due at `now`; returns how many it settled. */
export async function deliverDue(db: Database, options: DeliveryOptions): Promise<number> {
  await releaseStaleClaims(db, options.now);
  let settled = 0;
  for (; settled < (options.limit ?? 100); settled++) {
    const message = await claimNext(db, options.now);
    if (!message) break;
    await deliverOne(db, message, options);
  }
  return settled;
}

async function deliverOne(db: Database, message: OutboundMessage, options: DeliveryOptions) {
  const { now } = options;
  const where = and(
    eq(outboundMessages.tenantId, message.tenantId),
    eq(outboundMessages.id, message.id),
  );
  // How far the SMTP hand-off went: begun, and accepted by the server.
  let handedOff = false;
  let accepted = false;
  try {
    const prepared = await prepare(db, message, options);
    if (!prepared) {
      await db.update(outboundMessages).set({ status: "skipped", claimedUntil: null }).where(where);
      return;
    }
    const { to, replyTo, rendered } = prepared;
    // What is kept of it: the message as sent, but a password reset's link, which only its
    // recipient may see (the outbox is the owners' to read).
    const kept = prepared.kept ?? rendered;
    if (options.mailer) {
      // Committed before the hand-off: should this process stop before it records the outcome,
      // the message is flagged as perhaps sent rather than sent twice.
      await db.update(outboundMessages).set({ handedOffAt: now }).where(where);
      handedOff = true;
      await options.mailer({
        from: options.from,
        to,
        replyTo,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        calendar: rendered.calendar,
        messageId: `<${message.id}@rendezvous>`,
      });
      accepted = true;
    }
    await db.transaction(async (tx) => {
      await tx
        .update(outboundMessages)
        .set({
          status: options.mailer ? "sent" : "stored",
          sentAt: now,
          claimedUntil: null,
          lastError: null,
          toAddress: to.join(", "),
          subject: kept.subject,
          textBody: kept.text,
          htmlBody: kept.html,
          calendarFile: kept.calendar?.content ?? null,
          ...(prepared.kept ? { payload: { ...message.payload, link: null, code: null } } : {}),
        })
        .where(where);
      return message.kind === "reminder" && message.appointmentId
        ? recordAppointmentEvents(
            tx,
            message.tenantId,
            message.appointmentId,
            ["reminder.sent"],
            now,
          )
        : 0;
    });
  } catch (error) {
    // The error's kind only: an SMTP answer may quote the address.
    const reason = error instanceof Error ? `${error.name}${codeOf(error)}` : "error";
    const lastError = describeError(error).split("\n")[0]?.slice(0, 500) ?? null;
    if (accepted || (handedOff && !refusedBeforeSending(error))) {
      logger.warn("message may have been sent", { messageId: message.id, reason });
      await db
        .update(outboundMessages)
        .set({ status: "uncertain", claimedUntil: null, lastError })
        .where(where);
      return;
    }
    const retryAt = RETRIES.next(message.attempts, now);
    logger.warn("message not sent", { messageId: message.id, attempt: message.attempts, reason });
    await db
      .update(outboundMessages)
      .set({
        status: retryAt ? "queued" : "failed",
        sendAfter: retryAt ?? message.sendAfter,
        claimedUntil: null,
        handedOffAt: null,
        lastError,
      })
      .where(where);
  }
}

// nodemailer's errors that say the server did not take the message: an SMTP refusal (a reply code:
// of the sender, a recipient, the login or the message), no server reached (a failed connect), or
// a name, login or TLS that failed before anything was sent. A connection closed or timed out
// later may have delivered it.
const REFUSED_BEFORE_SENDING = new Set(["EDNS", "EAUTH", "ETLS", "EENVELOPE"]);

/** Whether the hand-off surely failed (else a cut connection may have delivered the message). */
function refusedBeforeSending(error: unknown): boolean {
  const { code, responseCode, syscall } = (error ?? {}) as Record<string, unknown>;
  return (
    typeof responseCode === "number" ||
    syscall === "connect" ||
    REFUSED_BEFORE_SENDING.has(String(code))
  );
}

const codeOf = (error: Error) => {
  const code =
    (error as { code?: unknown; responseCode?: unknown }).responseCode ??
    (error as { code?: unknown }).code;
  return code ? ` ${String(code)}` : "";
};

/**
 * The message's recipients and rendering, from the appointment as it is now; null when it has
 * no one to go to, or is a reminder of an appointment that will not take place then.
 */
/** A message ready to go: its recipients, its rendering, and what is kept of it when not all. */
interface Prepared {
  to: string[];
  replyTo?: string;
  rendered: RenderedMessage;
  kept?: RenderedMessage;
}

async function prepare(
  db: Database,
  message: OutboundMessage,
  options: DeliveryOptions,
): Promise<Prepared | null> {
  if (!message.appointmentId) return prepareNotice(db, message, Boolean(options.mailer));
  const appointment = await getAppointment(db, message.tenantId, message.appointmentId);
  if (
    message.kind === "reminder" &&
    (!holdsTime(appointment.status) || appointment.startsAt.getTime() <= options.now.getTime())
  ) {
    return null;
  }
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, message.tenantId));
  if (!tenant) return null;
  const places = await publicLocations(db, tenant);
  const place = places.find((l) => l.id === appointment.locationId) ?? places[0];
  if (!place) return null;
  const business = message.recipient === "business";
  const to = business
    ? await businessAddresses(db, message.tenantId, appointment.staffId)
    : [appointment.clientEmail].filter((e): e is string => !!e);
  if (!to.length) return null;
  const manageUrl = message.payload.manageUrl ?? (await manageUrlOf(db, message));
  const rendered = await renderMessage({
    message,
    appointment,
    tenant,
    // A customer who chose a language in their account reads it in theirs.
    locale: business ? tenant.locale : await customerLocale(db, appointment),
    place,
    showPlace: places.length > 1 || place.online,
    manageUrl,
    organizer: { name: tenant.name, email: place.contactEmail ?? addressOf(options.from) },
  });
  return {
    to,
    replyTo: (business ? appointment.clientEmail : place.contactEmail) ?? undefined,
    rendered,
  };
}

/** The language the appointment's customer chose in their account; null: the business's. */
async function customerLocale(
  db: Database,
  appointment: { tenantId: string; customerId: string | null },
): Promise<Locale | null> {
  if (!appointment.customerId) return null;
  const [row] = await db
    .select({ locale: customers.locale })
    .from(customers)
    .where(
      and(eq(customers.tenantId, appointment.tenantId), eq(customers.id, appointment.customerId)),
    );
  return row?.locale ?? null;
}

/**
 * A notice about the business itself goes to its owners, or to the one user it names (a password
 * reset, whose link is not kept once sent, or an address to confirm).
 */
async function prepareNotice(
  db: Database,
  message: OutboundMessage,
  mailed: boolean,
): Promise<Prepared | null> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, message.tenantId));
  if (!tenant) return null;
  const { to: user, link, code } = message.payload;
  const to = user ? [user] : await businessAddresses(db, message.tenantId, null);
  if (!to.length) return null;
  return {
    to,
    rendered: await renderBusinessNotice(message, tenant),
    // A reset link is its recipient's alone; a confirmation link may stay where its owner, the
    // only user of a new business, reads it (with no SMTP server, the outbox is where they do). A
    // customer's sign-in code is theirs once mailed; with no SMTP server it waits in the outbox.
    kept:
      (link && message.kind === "password_reset") || (code && mailed)
        ? await renderBusinessNotice(
            { ...message, payload: { ...message.payload, link: null, code: null } },
            tenant,
          )
        : undefined,
  };
}

const addressOf = (from: string) => from.match(/<([^>]+)>/)?.[1] ?? from;

/** The owners, and the staff member concerned when they sign in. */
async function businessAddresses(db: Database, tenantId: string, staffId: string | null) {
  const rows = await db
    .selectDistinct({ email: users.email })
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenantId),
        sql`(${users.role} = 'owner' or ${users.id} = (select ${staffMembers.userId}
          from ${staffMembers} where ${staffMembers.tenantId} = ${tenantId}
            and ${staffMembers.id} = ${staffId}))`,
      ),
    );
  return rows.map((r) => r.email).sort();
}

/** The private link the booking's first message carried, for the messages that follow it. */
async function manageUrlOf(db: Database, message: OutboundMessage): Promise<string | null> {
  const [row] = await queryRows<{ url: string | null }>(
    db,
    sql`select payload->>'manageUrl' as url from ${outboundMessages}
        where tenant_id = ${message.tenantId} and appointment_id = ${message.appointmentId}
          and kind = 'booked' and recipient = 'customer'
        limit 1`,
  );
  return row?.url ?? null;
}
