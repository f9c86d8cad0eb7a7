import { type SQL, sql } from "drizzle-orm";
import { type Database, queryRows } from "@/db/client";
import type { AnyWebhookEventType } from "@/db/enums";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";

/** An event to write: its type and, unless it is taken when first sent, its data. */
export interface WebhookEventDraft {
  type: AnyWebhookEventType;
  data?: unknown;
}

const subscribed = (tenantId: string, type: SQL) =>
  sql`e.tenant_id = ${tenantId}::uuid and e.enabled and ${type} = any(e.events)`;

/**
 * The CTEs (`hooked`, `hooked_deliveries`, or `name` and `name_deliveries`) that write events about the rows of `source` (their
 * `id` is the subject) and one delivery per endpoint subscribed to each, due at `now`: the outbox,
 * in the statement or transaction of the change, so an event exists exactly when its change does.
 * A business without endpoints writes nothing.
 */
export function webhookCtes(
  tenantId: string,
  drafts: WebhookEventDraft[],
  source: SQL,
  now: Date,
  name = "hooked",
): SQL {
  if (!drafts.length) return sql``;
  const events = sql.raw(name);
  const deliveries = sql.raw(`${name}_deliveries`);
  const values = sql.join(
    drafts.map(
      (d, n) =>
        sql`(${n}::int, ${d.type}::text, ${d.data === undefined ? null : JSON.stringify(d.data)}::jsonb)`,
    ),
    sql`, `,
  );
  return sql`, ${events} as (
      insert into ${webhookEvents} (tenant_id, type, subject_id, data, created_at)
      select ${tenantId}::uuid, t.type, s.id, t.data, ${now.toISOString()}::timestamptz
      from ${source} s, (values ${values}) as t(n, type, data)
      where exists (select 1 from ${webhookEndpoints} e where ${subscribed(tenantId, sql`t.type`)})
      order by s.id, t.n
      returning id, seq, type, subject_id
    ), ${deliveries} as (
      insert into ${webhookDeliveries}
        (tenant_id, endpoint_id, event_id, seq, subject_id, next_attempt_at)
      select ${tenantId}::uuid, e.id, h.id, h.seq, h.subject_id, ${now.toISOString()}::timestamptz
      from ${events} h join ${webhookEndpoints} e on ${subscribed(tenantId, sql`h.type`)}
      returning 1
    )`;
}

/** Whether any endpoint of the business wants one of these types. */
async function anyoneListens(db: Database, tenantId: string, types: AnyWebhookEventType[]) {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from ${webhookEndpoints} e
        where e.tenant_id = ${tenantId}::uuid and e.enabled
          and e.events && array[${sql.join(
            types.map((t) => sql`${t}`),
            sql`, `,
          )}]::text[]
        limit 1`,
  );
  return rows.length > 0;
}

/**
 * Writes events about one subject in the caller's transaction, their data made only when an
 * endpoint wants them (a business without webhooks pays one small query). Returns how many
 * deliveries are owed, for the caller to wake the worker once it commits.
 */
export async function recordWebhookEvents(
  tx: Database,
  tenantId: string,
  subjectId: string | null,
  types: AnyWebhookEventType[],
  data: () => Promise<unknown> | unknown,
  now: Date,
): Promise<number> {
  if (!types.length || !(await anyoneListens(tx, tenantId, types))) return 0;
  const snapshot = await data();
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`with subject as (select ${subjectId}::uuid as id)${webhookCtes(
      tenantId,
      types.map((type) => ({ type, data: snapshot })),
      sql`subject`,
      now,
    )}
    select (select count(*) from hooked_deliveries)::int as n`,
  );
  return row?.n ?? 0;
}
