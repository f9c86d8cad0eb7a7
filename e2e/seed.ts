// The e2e server's businesses, staff logins and API keys, created in one process: through the CLI
// (one process per line, ~6 s each) they took three of the four minutes the server may take to
// start. The demo business is still seeded by the CLI, which so runs against the build too.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { systemActor } from "@/lib/audit/record-audit";
import { appDatabaseOptions } from "@/lib/db";
import { createTenant, createTenantSchema } from "@/lib/signup/create-tenant";
import { getTenantBySlug } from "@/lib/tenants/find-tenant";
import { createUser } from "@/lib/users/create-user";
import { createUserSchema } from "@/lib/users/schema";

const business = (
  slug: string,
  name: string,
  timeZone: string,
  locale: "fr" | "en",
  ownerName?: string,
) => ({
  slug,
  name,
  timeZone,
  locale,
  ownerName,
  ownerEmail: `owner@${slug}.test`,
  ownerPassword: `${slug}-owner-pass`,
});

const businesses = [
  // A second business for cross-tenant tests.
  business("acme", "Acme Wellness", "America/New_York", "en"),
  // Businesses of their own for the public booking journeys, so that no other spec changes them.
  business("studio", "Studio Nord", "America/New_York", "en"),
  business("allday", "Open All Day", "Europe/Paris", "en"),
  business("quiet", "Quiet Clinic", "Europe/Paris", "fr"),
  // The dashboard spec's own business, empty at first: the owner builds it through the dashboard.
  business("atelier", "Atelier Lumière", "Europe/Paris", "fr"),
  // The first-hour spec's business: reached without subdomains.
  business("bloom", "Bloom Therapy", "America/Chicago", "en"),
  // The staff spec's salon: its owner adds the team through the dashboard.
  business("nova", "Salon Nova", "Europe/Paris", "en", "Nora Owner"),
  // The places spec's studio: rooms, a second (online) location and a class with seats.
  business("lumen", "Lumen Yoga", "Europe/Paris", "en", "Lea Teacher"),
  // The payments spec's studio: its owner sets a paid service up; its customer pays on the fake Checkout.
  business("paystudio", "Pay Studio", "Europe/Paris", "en"),
  // The webhooks spec's shop: its owner connects an endpoint through the dashboard.
  business("hookshop", "Hook Shop", "Europe/Paris", "en"),
  // The customers spec's salon, reached with ?tenant=.
  business("regulars", "Regulars Salon", "Europe/Paris", "en"),
  // The widget spec's shop: its booking pages are framed by a page of another origin.
  business("widgetshop", "Widget Shop", "Europe/Paris", "fr"),
  // The one-person spec's salon: Paris, with a Montréal branch where one stylist works.
  business("rivegauche", "Rive Gauche", "Europe/Paris", "fr", "Rose Owner"),
  // The customer-account spec's studio: its guests sign in with a code from the outbox.
  business("lune", "Studio Lune", "Europe/Paris", "fr"),
];

const staff = [
  { tenant: "atelier", email: "staff@atelier.test", password: "atelier-staff-pass" },
  { tenant: "demo", email: "staff@demo.rendezvous.test", password: "demo-staff-pass" },
];

const handle = await openDatabase({ ...appDatabaseOptions(), poolMax: 2, lockWaitMs: 0 });
try {
  const db = handle.db;
  for (const input of businesses) {
    await createTenant(db, createTenantSchema.parse(input), systemActor);
  }
  for (const { tenant, ...user } of staff) {
    const { id } = await getTenantBySlug(db, tenant);
    await createUser(db, id, createUserSchema.parse({ ...user, role: "staff" }), systemActor);
  }
  // Keys for the API tests, kept beside the throw-away database (the dashboard and first-hour
  // specs' businesses have none: their owners create their own).
  const keyed = [
    "demo",
    ...businesses.map((b) => b.slug).filter((s) => s !== "atelier" && s !== "bloom"),
  ];
  for (const slug of keyed) {
    const tenant = await getTenantBySlug(db, slug);
    const { secret } = await createApiKey(
      db,
      tenant.id,
      { name: "e2e", scope: "write" },
      systemActor,
    );
    writeFileSync(path.join(process.env.DATA_DIR ?? ".data", `${slug}.key`), `${secret}\n`);
  }
  console.log(
    `seeded ${businesses.length} businesses, ${staff.length} staff logins and their keys`,
  );
} finally {
  await handle.close();
}
