import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import { listLocations } from "./locations";

/** A location as customers see it: its own details, or the business's where it has none. */
export interface PublicLocation {
  id: string;
  name: string;
  timeZone: string;
  online: boolean;
  address: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

export async function publicLocations(db: Database, tenant: Tenant): Promise<PublicLocation[]> {
  return (await listLocations(db, tenant.id)).map((l) => ({
    id: l.id,
    name: l.name,
    timeZone: l.timeZone ?? tenant.timeZone,
    online: l.online,
    address: l.online ? null : (l.address ?? tenant.address),
    contactEmail: l.contactEmail ?? tenant.contactEmail,
    contactPhone: l.contactPhone ?? tenant.contactPhone,
  }));
}

/**
 * The location a page is about: the one `?location=` names, or the only one. With several and
 * none (or an unknown one) named, customers choose first: null.
 */
export const chosenLocation = (locations: PublicLocation[], wanted: string | undefined) =>
  locations.length === 1
    ? (locations[0] ?? null)
    : (locations.find((l) => l.id === wanted) ?? null);

/**
 * Where a booking is, as its pages show it: named when the business has several places or this
 * one is online (else the business's own name and address say it).
 */
export async function bookingPlace(
  db: Database,
  tenant: Tenant,
  locationId: string,
): Promise<PublicLocation | null> {
  const locations = await publicLocations(db, tenant);
  const place = locations.find((l) => l.id === locationId) ?? null;
  return place && (locations.length > 1 || place.online) ? place : null;
}

/** The clock of each live place of the business (its own zone, or the business's). */
export async function placeZones(db: Database, tenant: Tenant): Promise<Map<string, string>> {
  return new Map(
    (await listLocations(db, tenant.id)).map((l) => [l.id, l.timeZone ?? tenant.timeZone]),
  );
}
