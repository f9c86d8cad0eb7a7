import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import type { DateRange } from "@/lib/availability";
import { boundedCache } from "@/lib/cache/bounded-cache";
import { env } from "@/lib/env";
import { availabilityStableUntil, type SlotRules } from "@/lib/scheduling/compute-slots";
import type { Choice } from "./booking-context";
import { findSlots, type PlacedSlot } from "./find-slots";
import { findVisitSlots, type VisitChoice } from "./visit-offer";

// Computed answers of the slots endpoint, per app instance. An entry is keyed by the business's
// schedule version, which every change to its hours, activities or bookings bumps in the same
// transaction and which each request reads afresh from PostgreSQL: a change made through any
// instance makes every instance's older entries unreachable. An entry also ends when the passing
// of time would flip a slot (minimum notice, horizon).
const cache = boundedCache<{ json: string; validUntil: number }>(
  0.75,
  (entry, key) => (entry.json.length + key.length) * 2 + 64,
);

const DAY_MS = 86_400_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The JSON body of placed slots: the contract's, each saying where when there are several places,
 * and a class's places left. Byte for byte what JSON.stringify of those objects gives, written
 * directly: a month is thousands of slots, and building an object and a Date for each cost more
 * than the rest of an uncached answer (starts on whole minutes share their day's text).
 */
export function slotsBody(slots: readonly PlacedSlot[], several: boolean): string {
  let day = Number.NaN;
  let dayText = "";
  const parts = new Array<string>(slots.length);
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as PlacedSlot;
    const since = slot.start - Math.floor(slot.start / DAY_MS) * DAY_MS;
    let iso: string;
    if (since % 60_000 === 0) {
      if (slot.start - since !== day) {
        day = slot.start - since;
        dayText = new Date(day).toISOString().slice(0, 11);
      }
      const minutes = since / 60_000;
      iso = `${dayText}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}:00.000Z`;
    } else {
      iso = new Date(slot.start).toISOString();
    }
    let part = `{"dateTime":"${iso}","available":${slot.available}`;
    if (several) part += `,"locationId":${JSON.stringify(slot.locationId)}`;
    if (slot.remaining !== undefined) part += `,"remaining":${JSON.stringify(slot.remaining)}`;
    parts[i] = `${part}}`;
  }
  return `{"slots":[${parts.join(",")}]}`;
}

/** The slots answer for `key`: cached, or computed and kept until the schedule or time changes it. */
async function cachedSlots(
  key: string,
  now: Date,
  compute: () => Promise<{ slots: PlacedSlot[]; rules: SlotRules; several: boolean }>,
): Promise<string> {
  const cached = env().slotsCache;
  const hit = cached ? cache.get(key) : undefined;
  if (hit && now.getTime() < hit.validUntil) return hit.json;
  const { slots, rules, several } = await compute();
  const json = slotsBody(slots, several);
  if (cached) {
    cache.set(key, { json, validUntil: availabilityStableUntil(slots, rules, now.getTime()) });
  }
  return json;
}

const keyOf = (tenant: Tenant, range: DateRange, ...parts: unknown[]) =>
  [
    tenant.id,
    tenant.scheduleVersion,
    tenant.timeZone,
    tenant.slotIntervalMinutes,
    range.from,
    range.to,
    ...parts,
  ].join("|");

/** The slots endpoint's JSON body for an activity (for a choice of person and place), as of `now`. */
export function slotsJson(
  db: Database,
  tenant: Tenant,
  activityId: string,
  range: DateRange,
  now: Date,
  choice: Choice = {},
): Promise<string> {
  const key = keyOf(tenant, range, activityId, choice.staffId, choice.locationId, choice.mode);
  return cachedSlots(key, now, async () => {
    const { slots, rules, context } = await findSlots(db, tenant, activityId, range, now, choice);
    // One place: the contract's slots as they always were; several: each says where.
    return { slots, rules, several: context.locations.length > 1 };
  });
}

/** The visit slots endpoint's JSON body (services in order, one person or anyone), as of `now`. */
export function visitSlotsJson(
  db: Database,
  tenant: Tenant,
  choice: VisitChoice,
  range: DateRange,
  now: Date,
): Promise<string> {
  const key = keyOf(tenant, range, "visit", JSON.stringify(choice));
  return cachedSlots(key, now, () => findVisitSlots(db, tenant, choice, range, now));
}
