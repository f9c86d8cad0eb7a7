import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads this file without the app's path aliases.
import {
  type AnyWebhookEventType,
  type ApiKeyScope,
  type AppointmentStatus,
  appointmentStatuses,
  type ConfirmOnlineBookings,
  type DeliveryMode,
  holdingStatuses,
  type PlacedWindow,
  type WebhookEventType,
} from "./enums";

export { type ApiKeyScope, apiKeyScopes } from "./enums";

export const paymentRules = ["none", "full", "deposit"] as const;
export type PaymentRule = (typeof paymentRules)[number];

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const localeEnum = pgEnum("locale", ["fr", "en"]);
export const roleEnum = pgEnum("user_role", ["owner", "admin", "staff"]);

export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    timeZone: text("time_zone").notNull(),
    locale: localeEnum("locale").notNull().default("fr"),
    currency: char("currency", { length: 3 }).notNull().default("EUR"),
    // The VAT included in its prices, in hundredths of a percent (2000: 20 %); null: none shown.
    vatRateBp: integer("vat_rate_bp"),
    // Where customers go, shown on confirmations and in calendar files; optional.
    address: text("address"),
    // How customers reach the business, and its own words on its policies; all optional.
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    policyText: text("policy_text"),
    appointmentModuleEnabled: boolean("appointment_module_enabled").notNull().default(true),
    slotIntervalMinutes: integer("slot_interval_minutes").notNull().default(15),
    cancellationNoticeHours: integer("cancellation_notice_hours").notNull().default(24),
    rescheduleNoticeHours: integer("reschedule_notice_hours").notNull().default(2),
    // Payments: the business's connected Stripe account (null: the platform's own, where the install
    // allows it), how long an unpaid booking holds its time, and whether a deposit is kept when the
    // customer cancels.
    stripeAccountId: text("stripe_account_id"),
    paymentHoldMinutes: integer("payment_hold_minutes").notNull().default(30),
    // Customers without a booking for this many months are erased (null: kept until asked).
    customerRetentionMonths: integer("customer_retention_months"),
    keepDeposits: boolean("keep_deposits").notNull().default(false),
    // When the owner who signed up on the web confirmed their e-mail address; until then customers
    // cannot book. A business made by the operator (CLI, seed) is confirmed when made.
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }).defaultNow(),
    // When its owners finished or hid the first-run guide (a business made before it: never shown).
    guideDoneAt: timestamp("guide_done_at", { withTimezone: true }).defaultNow(),
    // Consent the booking form asks for: the business's privacy notice (to accept when set), and
    // whether it offers customers to opt in to its news.
    privacyNoticeUrl: text("privacy_notice_url"),
    asksMarketingConsent: boolean("asks_marketing_consent").notNull().default(false),
    // The sites allowed to show the booking pages in a frame (the widget): exact origins.
    embedOrigins: text("embed_origins").array().notNull().default(sql`'{}'::text[]`),
    // Whether a customer's booking is confirmed as it is made ("automatic") or waits for the
    // business ("manual", the contract's pending).
    confirmOnlineBookings: text("confirm_online_bookings")
      .$type<ConfirmOnlineBookings>()
      .notNull()
      .default("manual"),
    // Bumped by every change to the business's hours, activities or bookings: cached slots of an
    // older version are stale, on every app instance, since each request reads this row anyway.
    scheduleVersion: integer("schedule_version").notNull().default(0),
    // Bumped with it by changes to the hours, activities and settings, but not by bookings: what
    // booking reads of the activity and the hours is cached under this one.
    catalogVersion: integer("catalog_version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    // Stripe Checkout sessions last from 30 minutes to 24 hours.
    check("tenants_payment_hold_check", sql`${t.paymentHoldMinutes} between 30 and 1440`),
    check("tenants_customer_retention_check", sql`${t.customerRetentionMonths} between 1 and 120`),
    check(
      "tenants_confirm_online_bookings_check",
      sql`${t.confirmOnlineBookings} in ('automatic', 'manual')`,
    ),
  ],
);
export type Tenant = typeof tenants.$inferSelect;

// Every tenant-owned table keys on (tenant_id, id) so that rows distribute by tenant (Citus) and a
// foreign key can never point at another tenant's row.
export const users = pgTable(
  "users",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: roleEnum("role").notNull(),
    // Carried in the session cookie and checked on every request: bumping it (sign-out, a new
    // password, removal) ends every session of the user on every instance at once.
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("users_tenant_email_key").on(t.tenantId, sql`lower(${t.email})`),
  ],
);
export type User = typeof users.$inferSelect;
export type Role = User["role"];

export const userTokenPurposes = ["password_reset", "email_confirmation"] as const;
export type UserTokenPurpose = (typeof userTokenPurposes)[number];

/**
 * Single-use links sent to a user by e-mail (a password reset): only a SHA-256 hash of the token
 * is stored, with when it stops working and when it was used.
 */
export const userTokens = pgTable(
  "user_tokens",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    userId: uuid("user_id").notNull(),
    purpose: text("purpose").$type<UserTokenPurpose>().notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: "user_tokens_user_fk",
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete("cascade"),
    uniqueIndex("user_tokens_hash_key").on(t.tokenHash),
  ],
);
export type UserToken = typeof userTokens.$inferSelect;

export const apiKeys = pgTable(
  "api_keys",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    // The public part of the key, used to find it; the secret is only stored as a SHA-256 hash.
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    // What it may do: read everything of its business, or read and write as an admin would.
    scope: text("scope").$type<ApiKeyScope>().notNull().default("write"),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("api_keys_prefix_key").on(t.prefix),
    check("api_keys_scope_check", sql`${t.scope} in ('read', 'write')`),
  ],
);
export type ApiKey = typeof apiKeys.$inferSelect;

export const auditLog = pgTable(
  "audit_log",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    actorType: text("actor_type", { enum: ["user", "api_key", "system", "customer"] }).notNull(),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("audit_log_tenant_created_idx").on(t.tenantId, t.createdAt.desc()),
  ],
);
export type AuditEntry = typeof auditLog.$inferSelect;

export const activities = pgTable(
  "activities",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    description: text("description"),
    durationMinutes: integer("duration_minutes").notNull(),
    color: text("color").notNull(),
    // Integer minor units (cents) of the tenant's currency: no floating-point money.
    priceMinor: integer("price_minor").notNull().default(0),
    // Paid at booking: nothing (at the venue), the price, or a deposit (an amount or a percentage).
    paymentRule: text("payment_rule").$type<PaymentRule>().notNull().default("none"),
    depositMinor: integer("deposit_minor"),
    depositPercent: integer("deposit_percent"),
    requirePhone: boolean("require_phone").notNull().default(false),
    requireAddress: boolean("require_address").notNull().default(false),
    requireCustomField: boolean("require_custom_field").notNull().default(false),
    customFieldLabel: text("custom_field_label"),
    reminderEnabled: boolean("reminder_enabled").notNull().default(false),
    reminderHoursBefore: integer("reminder_hours_before"),
    minimumNoticeHours: integer("minimum_notice_hours").notNull().default(0),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    maxAdvanceDays: integer("max_advance_days").notNull().default(90),
    // Hidden from the public pages and the public API, still bookable by the business.
    onlineBooking: boolean("online_booking").notNull().default(true),
    // Booking it also takes a free resource of this kind (a treatment room), when set.
    resourceKind: text("resource_kind"),
    // How it is delivered: at a place, on video, or either (the customer chooses).
    modes: text("modes")
      .array()
      .$type<DeliveryMode[]>()
      .notNull()
      .default(sql`'{in_person}'::text[]`),
    // More than 1: a class, booked by the seat in sessions scheduled beforehand (class_sessions).
    capacity: integer("capacity").notNull().default(1),
    createdAt: createdAt(),
    // Deleted activities are kept so that past appointments still name them.
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check("activities_capacity_check", sql`${t.capacity} between 1 and 1000`),
    check(
      "activities_modes_check",
      sql`cardinality(${t.modes}) > 0 and ${t.modes} <@ '{in_person,online}'::text[]`,
    ),
    check(
      "activities_payment_rule_check",
      sql`${t.paymentRule} in ('none', 'full', 'deposit') and (${t.paymentRule} <> 'deposit' or
        (coalesce(${t.depositMinor}, 0) > 0) <> (coalesce(${t.depositPercent}, 0) between 1 and 100))`,
    ),
  ],
);
export type Activity = typeof activities.$inferSelect;

/** Opening hours: wall-clock minutes since local midnight in the tenant's time zone. */
export const weeklySlots = pgTable(
  "weekly_slots",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    dayOfWeek: smallint("day_of_week").notNull(),
    startMinute: smallint("start_minute").notNull(),
    endMinute: smallint("end_minute").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check("weekly_slots_day_check", sql`${t.dayOfWeek} between 0 and 6`),
    check(
      "weekly_slots_range_check",
      sql`${t.startMinute} >= 0 and ${t.startMinute} < ${t.endMinute} and ${t.endMinute} <= 1440`,
    ),
  ],
);
export type WeeklySlot = typeof weeklySlots.$inferSelect;

/** A calendar day in the tenant's time zone on which the business is closed. */
export const availabilityExceptions = pgTable(
  "availability_exceptions",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    reason: text("reason"),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.date] })],
);
export type AvailabilityException = typeof availabilityExceptions.$inferSelect;

/**
 * Where services happen. Every business has at least one; with only one, the app never names it.
 * Empty fields take the business's own (its time zone, hours, address, contact), so that a
 * business's settings keep meaning what they did. An online location holds video sessions: each
 * appointment there gets its own meeting link under `meeting_base_url` (Jitsi Meet's by default).
 */
export const locations = pgTable(
  "locations",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    address: text("address"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    timeZone: text("time_zone"),
    // Its own weekly windows as [dayOfWeek, startMinute, endMinute], in its own time zone; null:
    // the business's hours. Its own closed days come on top of the business's.
    weeklyHours: jsonb("weekly_hours").$type<PlacedWindow[] | null>(),
    closedDays: jsonb("closed_days")
      .$type<{ date: string; reason: string | null }[]>()
      .notNull()
      .default([]),
    online: boolean("online").notNull().default(false),
    meetingBaseUrl: text("meeting_base_url"),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
export type Location = typeof locations.$inferSelect;

/**
 * The people who perform services, each one timeline of their own: the no-overlap constraint is
 * per staff member. A staff member may have a login (`user_id`) or not (someone the owner books
 * for). Deleted ones are kept so that past appointments still name them.
 */
export const staffMembers = pgTable(
  "staff_members",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    color: text("color").notNull(),
    // Set to null when the user is removed (a custom foreign key in migration 0009).
    userId: uuid("user_id"),
    // Their home location: where their windows default to and the team page lists them.
    locationId: uuid("location_id").notNull(),
    // Their own weekly windows as [dayOfWeek, startMinute, endMinute, locationId] (validated like
    // the business's), each at one of the business's places, in its time zone: one person works
    // at several places on one timeline. Null: the opening hours of their home location.
    weeklyHours: jsonb("weekly_hours").$type<PlacedWindow[] | null>(),
    // Days off of their own, [{ date, reason }], on top of the business's closed days.
    closedDays: jsonb("closed_days")
      .$type<{ date: string; reason: string | null }[]>()
      .notNull()
      .default([]),
    // Their place in lists, and the tie-break of "no preference" bookings.
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: "staff_members_location_fk",
      columns: [t.tenantId, t.locationId],
      foreignColumns: [locations.tenantId, locations.id],
    }),
  ],
);
export type StaffMember = typeof staffMembers.$inferSelect;

/**
 * Rooms, chairs, machines: timelines of their own, like staff members, with their own no-overlap
 * constraint. A service that needs a resource of a `kind` is bookable only when one is free too.
 */
export const resources = pgTable(
  "resources",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    locationId: uuid("location_id").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    // As a staff member's: null is the location's hours; own days off on top of the location's.
    weeklyHours: jsonb("weekly_hours").$type<PlacedWindow[] | null>(),
    closedDays: jsonb("closed_days")
      .$type<{ date: string; reason: string | null }[]>()
      .notNull()
      .default([]),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: "resources_location_fk",
      columns: [t.tenantId, t.locationId],
      foreignColumns: [locations.tenantId, locations.id],
    }),
  ],
);
export type Resource = typeof resources.$inferSelect;

/** Which services each staff member performs. */
export const staffServices = pgTable(
  "staff_services",
  {
    tenantId: uuid("tenant_id").notNull(),
    staffId: uuid("staff_id").notNull(),
    activityId: uuid("activity_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.staffId, t.activityId] }),
    foreignKey({
      name: "staff_services_staff_fk",
      columns: [t.tenantId, t.staffId],
      foreignColumns: [staffMembers.tenantId, staffMembers.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "staff_services_activity_fk",
      columns: [t.tenantId, t.activityId],
      foreignColumns: [activities.tenantId, activities.id],
    }).onDelete("cascade"),
    index("staff_services_activity_idx").on(t.tenantId, t.activityId),
  ],
);

/**
 * A scheduled session of a class (an activity with capacity > 1): its teacher's and its room's
 * time, held once for all its seats. Customers book seats of it (appointments with a seat).
 */
export const classSessions = pgTable(
  "class_sessions",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    activityId: uuid("activity_id").notNull(),
    staffId: uuid("staff_id").notNull(),
    resourceId: uuid("resource_id"),
    locationId: uuid("location_id").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    blockedFrom: timestamp("blocked_from", { withTimezone: true }).notNull(),
    blockedUntil: timestamp("blocked_until", { withTimezone: true }).notNull(),
    capacity: integer("capacity").notNull(),
    // One room for the whole class at an online location.
    meetingUrl: text("meeting_url"),
    // Scheduled outside its teacher's, room's or place's hours, or on a closed day, as the owner
    // confirmed: marked as such wherever the business lists it.
    outsideHours: boolean("outside_hours").notNull().default(false),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // The target of the seats' foreign key, which carries the capacity their CHECK compares with.
    uniqueIndex("class_sessions_capacity_key").on(t.tenantId, t.id, t.capacity),
    foreignKey({
      name: "class_sessions_activity_fk",
      columns: [t.tenantId, t.activityId],
      foreignColumns: [activities.tenantId, activities.id],
    }),
    foreignKey({
      name: "class_sessions_staff_fk",
      columns: [t.tenantId, t.staffId],
      foreignColumns: [staffMembers.tenantId, staffMembers.id],
    }),
    foreignKey({
      name: "class_sessions_resource_fk",
      columns: [t.tenantId, t.resourceId],
      foreignColumns: [resources.tenantId, resources.id],
    }),
    foreignKey({
      name: "class_sessions_location_fk",
      columns: [t.tenantId, t.locationId],
      foreignColumns: [locations.tenantId, locations.id],
    }),
    index("class_sessions_tenant_starts_idx").on(t.tenantId, t.startsAt),
    check("class_sessions_capacity_check", sql`${t.capacity} between 1 and 1000`),
    check(
      "class_sessions_times_check",
      sql`${t.blockedFrom} <= ${t.startsAt} and ${t.startsAt} < ${t.endsAt} and ${t.endsAt} <= ${t.blockedUntil}`,
    ),
  ],
);
export type ClassSession = typeof classSessions.$inferSelect;

export type { AppointmentStatus };
export { appointmentStatuses, holdingStatuses };
export const appointmentStatusEnum = pgEnum("appointment_status", appointmentStatuses);

/**
 * The people who book: one per e-mail address (case-insensitively) per business, made or matched
 * by the booking itself. An appointment keeps the contact details given with it as well.
 */
export const customers = pgTable(
  "customers",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    // The business's own, never shown to the customer.
    notes: text("notes").notNull().default(""),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    // The customer's own choices, from their account: null is the business's.
    locale: localeEnum("locale"),
    timeZone: text("time_zone"),
    // Whether they agreed to hear of offers, and when they last said so (given or withdrawn).
    marketingConsent: boolean("marketing_consent").notNull().default(false),
    marketingConsentAt: timestamp("marketing_consent_at", { withTimezone: true }),
    // How long before an appointment they like their reminder; null: as each service sets it.
    reminderMinutes: integer("reminder_minutes"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("customers_email_key").on(t.tenantId, sql`lower(${t.email})`),
    index("customers_tenant_created_idx").on(t.tenantId, t.createdAt, t.id),
  ],
);
export type Customer = typeof customers.$inferSelect;

/**
 * The one-time codes a customer signs in with: the latest per address counts, for ten minutes,
 * once, five tries. Neither the code nor the address is stored: their SHA-256 only.
 */
export const customerSignInCodes = pgTable(
  "customer_sign_in_codes",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    emailHash: text("email_hash").notNull(),
    codeHash: text("code_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    tries: integer("tries").notNull().default(0),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("customer_sign_in_codes_email_idx").on(t.tenantId, t.emailHash, t.createdAt),
  ],
);

/**
 * A customer's rating of a completed appointment, one per appointment, by its customer only. The
 * public sees the first name and initial it was signed with, never a hidden one.
 */
export const reviews = pgTable(
  "reviews",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    appointmentId: uuid("appointment_id").notNull(),
    customerId: uuid("customer_id").notNull(),
    activityId: uuid("activity_id").notNull(),
    staffId: uuid("staff_id").notNull(),
    rating: integer("rating").notNull(),
    comment: text("comment"),
    // "Inès M.": what the public page shows of who wrote it.
    authorName: text("author_name").notNull(),
    reply: text("reply"),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: text("hidden_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("reviews_appointment_key").on(t.tenantId, t.appointmentId),
    foreignKey({
      name: "reviews_customer_fk",
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }).onDelete("cascade"),
    index("reviews_public_idx").on(t.tenantId, t.createdAt, t.id),
    check("reviews_rating_check", sql`${t.rating} between 1 and 5`),
  ],
);
export type Review = typeof reviews.$inferSelect;

/** The one invitation to review a completed appointment: its single-use link's hash. */
export const reviewInvitations = pgTable(
  "review_invitations",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    appointmentId: uuid("appointment_id").notNull(),
    tokenHash: text("token_hash"),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.appointmentId] }),
    uniqueIndex("review_invitations_token_key").on(t.tokenHash),
  ],
);

/** A customer's signed-in session (a cookie on the pages, a bearer token on the API). */
export const customerSessions = pgTable(
  "customer_sessions",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    customerId: uuid("customer_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: "customer_sessions_customer_fk",
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }).onDelete("cascade"),
    uniqueIndex("customer_sessions_token_key").on(t.tokenHash),
  ],
);

export const appointments = pgTable(
  "appointments",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    activityId: uuid("activity_id").notNull(),
    // Who performs it; the no-overlap constraint holds per staff member.
    staffId: uuid("staff_id").notNull(),
    locationId: uuid("location_id").notNull(),
    // The resource it takes, if its activity needs one; no-overlap holds per resource too.
    resourceId: uuid("resource_id"),
    // A seat of a class session (seat between 1 and the session's capacity, one booking each).
    classSessionId: uuid("class_session_id"),
    seat: integer("seat"),
    seatCapacity: integer("seat_capacity"),
    // Its video room, when delivered online: for the customer and the staff member only.
    meetingUrl: text("meeting_url"),
    // The visit it is part of (several services back to back, booked in one go), if any.
    visitId: uuid("visit_id"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    // The time the booking keeps from others: its own time widened by its activity's buffers at
    // booking time. The no-overlap exclusion constraint (a custom migration) is on this range.
    blockedFrom: timestamp("blocked_from", { withTimezone: true }).notNull(),
    blockedUntil: timestamp("blocked_until", { withTimezone: true }).notNull(),
    // The earliest start the customer ever moved this booking away from (null: never moved). The
    // cancellation notice counts from it, so moving a booking cannot reopen its cancellation.
    policyStartsAt: timestamp("policy_starts_at", { withTimezone: true }),
    status: appointmentStatusEnum("status").notNull().default("pending"),
    clientName: text("client_name").notNull(),
    // Optional for bookings the business takes itself (a walk-in gives a name and a phone).
    clientEmail: text("client_email"),
    clientPhone: text("client_phone"),
    clientAddress: text("client_address"),
    clientCustomFieldValue: text("client_custom_field_value"),
    // SHA-256 of the customer's private manage link token; the token itself is never stored.
    manageTokenHash: text("manage_token_hash"),
    // Bumped by every change the customer is told of: the SEQUENCE of its calendar invitations.
    sequence: integer("sequence").notNull().default(0),
    // Its own reminder lead (an integrator's), in place of its activity's reminder settings.
    reminderMinutes: integer("reminder_minutes"),
    // Who booked, when they left an e-mail address (a walk-in without one is nobody's).
    customerId: uuid("customer_id"),
    // The consent the booking form recorded: the business's privacy notice accepted (when it has
    // one), and the customer's opt-in to its news, each with its time.
    privacyAcceptedAt: timestamp("privacy_accepted_at", { withTimezone: true }),
    marketingOptInAt: timestamp("marketing_opt_in_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: "appointments_activity_fk",
      columns: [t.tenantId, t.activityId],
      foreignColumns: [activities.tenantId, activities.id],
    }),
    foreignKey({
      name: "appointments_staff_fk",
      columns: [t.tenantId, t.staffId],
      foreignColumns: [staffMembers.tenantId, staffMembers.id],
    }),
    foreignKey({
      name: "appointments_location_fk",
      columns: [t.tenantId, t.locationId],
      foreignColumns: [locations.tenantId, locations.id],
    }),
    foreignKey({
      name: "appointments_resource_fk",
      columns: [t.tenantId, t.resourceId],
      foreignColumns: [resources.tenantId, resources.id],
    }),
    // With the capacity: a session's capacity cannot drop below a seat already booked.
    foreignKey({
      name: "appointments_class_session_fk",
      columns: [t.tenantId, t.classSessionId, t.seatCapacity],
      foreignColumns: [classSessions.tenantId, classSessions.id, classSessions.capacity],
    }).onUpdate("cascade"),
    check(
      "appointments_seat_check",
      sql`(${t.classSessionId} is null and ${t.seat} is null and ${t.seatCapacity} is null)
        or (${t.classSessionId} is not null and ${t.seat} between 1 and ${t.seatCapacity})`,
    ),
    foreignKey({
      name: "appointments_customer_fk",
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }),
    index("appointments_customer_idx").on(t.tenantId, t.customerId, t.startsAt),
    index("appointments_class_session_idx").on(t.tenantId, t.classSessionId),
    index("appointments_visit_idx").on(t.tenantId, t.visitId),
    uniqueIndex("appointments_meeting_url_key").on(t.meetingUrl),
    index("appointments_tenant_starts_idx").on(t.tenantId, t.startsAt),
    index("appointments_tenant_activity_starts_idx").on(t.tenantId, t.activityId, t.startsAt),
    uniqueIndex("appointments_manage_token_key").on(t.manageTokenHash),
    check("appointments_reminder_minutes_check", sql`${t.reminderMinutes} between 0 and 10080`),
    check(
      "appointments_times_check",
      sql`${t.blockedFrom} <= ${t.startsAt} and ${t.startsAt} < ${t.endsAt} and ${t.endsAt} <= ${t.blockedUntil}`,
    ),
  ],
);
export type Appointment = typeof appointments.$inferSelect;

export const messageKinds = [
  "booked",
  "confirmed",
  "moved",
  "cancelled",
  "reminder",
  "refunded",
  // To the owners: a webhook endpoint was turned off after days of failures.
  "webhook_disabled",
  // To one user: the link to choose a new password (removed from the stored copy once sent).
  "password_reset",
  // To the owner who signed up: the link confirming their address, which opens online booking.
  "email_confirmation",
  // To a customer: the code that signs them in to their account at this business.
  "sign_in_code",
  // To a customer, once, after a completed appointment: how was it? (a single-use link).
  "review_invite",
] as const;
export type MessageKind = (typeof messageKinds)[number];
export const messageStatuses = [
  "queued",
  "sending",
  "sent",
  // Handed to the SMTP server without a clear answer (a connection cut mid-way, a crash, a
  // database away just after): it may have been sent, so it is not sent again unless asked.
  "uncertain",
  "stored",
  "failed",
  "cancelled",
  "skipped",
] as const;
export type MessageStatus = (typeof messageStatuses)[number];

/** What the change knew and its message needs: who made it, the private link, the sequence. */
export interface MessagePayload {
  by: "customer" | "business";
  sequence: number;
  status?: "pending" | "confirmed";
  /** A move to another staff member at the same time. */
  staffOnly?: boolean;
  manageUrl?: string;
  /** Why it was cancelled, in the words of who cancelled it. */
  reason?: string;
  /** A refund's amount and why it was made. */
  refund?: { amountMinor: number; currency: string; reason: RefundReason };
  /** The endpoint a webhook notice is about. */
  webhook?: { url: string };
  /** A notice to one user rather than the owners: their address, and the link it carries. */
  to?: string;
  link?: string | null;
  /** A customer's sign-in code (removed from the stored copy once sent). */
  code?: string | null;
}

/**
 * The outbox: every message an appointment's change owes, written in the transaction of that
 * change, then delivered (or, with no SMTP server, stored) by the job queue. Rendered at delivery,
 * and kept with its rendering, so that the owner sees what went out.
 */
export const outboundMessages = pgTable(
  "outbound_messages",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    // Null for a notice about the business itself (a webhook turned off), not an appointment.
    appointmentId: uuid("appointment_id"),
    kind: text("kind").$type<MessageKind>().notNull(),
    recipient: text("recipient").$type<"customer" | "business">().notNull(),
    payload: jsonb("payload").$type<MessagePayload>().notNull(),
    status: text("status").$type<MessageStatus>().notNull().default("queued"),
    sendAfter: timestamp("send_after", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    // Set, and committed, just before the SMTP hand-off of the current attempt.
    handedOffAt: timestamp("handed_off_at", { withTimezone: true }),
    lastError: text("last_error"),
    toAddress: text("to_address"),
    subject: text("subject"),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    calendarFile: text("calendar_file"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: "outbound_messages_appointment_fk",
      columns: [t.tenantId, t.appointmentId],
      foreignColumns: [appointments.tenantId, appointments.id],
    }).onDelete("cascade"),
    index("outbound_messages_due_idx").on(t.sendAfter).where(sql`${t.status} = 'queued'`),
    index("outbound_messages_appointment_idx").on(t.tenantId, t.appointmentId),
    index("outbound_messages_tenant_created_idx").on(t.tenantId, t.createdAt),
  ],
);
export type OutboundMessage = typeof outboundMessages.$inferSelect;

export const paymentStatuses = [
  "pending",
  "paid",
  "partially_refunded",
  "refunded",
  "expired",
  "failed",
] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/**
 * What a booking of a paid service asks of the customer, through a Stripe Checkout Session. Not
 * tied to the appointment by a foreign key: the money's record outlives an appointment's deletion.
 */
export const payments = pgTable(
  "payments",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    appointmentId: uuid("appointment_id").notNull(),
    // For the revenue report, by service and staff member, whatever becomes of the appointment.
    activityId: uuid("activity_id").notNull(),
    staffId: uuid("staff_id").notNull(),
    rule: text("rule").$type<Exclude<PaymentRule, "none">>().notNull(),
    amountMinor: integer("amount_minor").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    status: text("status").$type<PaymentStatus>().notNull().default("pending"),
    // The connected account it was made on (null: the platform's): its refunds are made there too.
    stripeAccountId: text("stripe_account_id"),
    checkoutSessionId: text("checkout_session_id"),
    checkoutUrl: text("checkout_url"),
    paymentIntentId: text("payment_intent_id"),
    // Until then the booking holds its time unpaid; after, the hold is released.
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    refundedMinor: integer("refunded_minor").notNull().default(0),
    // A refund decided (by a cancellation, the owner, a payment after its hold) and not yet made.
    refundDueMinor: integer("refund_due_minor").notNull().default(0),
    refundReason: text("refund_reason").$type<RefundReason>(),
    // The messages the booking owes once paid (the confirmation and its reminder), held till then.
    owedOnPayment: jsonb("owed_on_payment").$type<unknown[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("payments_appointment_key").on(t.tenantId, t.appointmentId),
    uniqueIndex("payments_checkout_session_key").on(t.checkoutSessionId),
    index("payments_pending_expiry_idx").on(t.expiresAt).where(sql`${t.status} = 'pending'`),
    index("payments_refund_due_idx").on(t.tenantId).where(sql`${t.refundDueMinor} > 0`),
    index("payments_tenant_paid_idx").on(t.tenantId, t.paidAt),
    check("payments_amount_check", sql`${t.amountMinor} > 0`),
    check(
      "payments_refund_check",
      sql`${t.refundedMinor} >= 0 and ${t.refundDueMinor} >= 0
        and ${t.refundedMinor} + ${t.refundDueMinor} <= ${t.amountMinor}`,
    ),
  ],
);
export type Payment = typeof payments.$inferSelect;

export const refundReasons = ["customer_cancelled", "business_cancelled", "late", "owner"] as const;
export type RefundReason = (typeof refundReasons)[number];

/** Refunds made on Stripe, one row each (the report counts them on the day they were made). */
export const paymentRefunds = pgTable(
  "payment_refunds",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    paymentId: uuid("payment_id").notNull(),
    stripeRefundId: text("stripe_refund_id").notNull(),
    amountMinor: integer("amount_minor").notNull(),
    reason: text("reason").$type<RefundReason>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: "payment_refunds_payment_fk",
      columns: [t.tenantId, t.paymentId],
      foreignColumns: [payments.tenantId, payments.id],
    }).onDelete("cascade"),
    uniqueIndex("payment_refunds_stripe_key").on(t.stripeRefundId),
    index("payment_refunds_tenant_created_idx").on(t.tenantId, t.createdAt),
  ],
);

/**
 * Stripe's webhook events, as received (signature checked): the id makes each one processed once
 * however often Stripe sends it; the job queue processes them.
 */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    account: text("account"),
    payload: jsonb("payload").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [
    index("payment_events_waiting_idx").on(t.receivedAt).where(sql`${t.processedAt} is null`),
  ],
);
export type PaymentEvent = typeof paymentEvents.$inferSelect;

/** First answers to bookings sent with an Idempotency-Key, replayed to retries for 24 hours. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.key] }),
    index("idempotency_keys_created_idx").on(t.createdAt),
  ],
);

/**
 * Rate-limit counters (rate-limiter-flexible's RateLimiterDrizzle), shared by every instance. Keys
 * name a limit and a client (an IP, an e-mail address's hash, an API key's hash), not a tenant.
 * UNLOGGED (migration 0025): a count written every request skips the write-ahead log's flush.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull().default(0),
    expire: timestamp("expire", { withTimezone: true }),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);

export const webhookDisabledReasons = ["owner", "gone", "failing"] as const;
export type WebhookDisabledReason = (typeof webhookDisabledReasons)[number];

/** Where a business's events are sent, signed per the Standard Webhooks specification. */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    events: text("events").array().$type<WebhookEventType[]>().notNull(),
    // Needed to sign, so stored as it is; never shown again after its creation.
    secret: text("secret").notNull(),
    // After a rotation, deliveries are signed with both secrets until this one's end.
    previousSecret: text("previous_secret"),
    previousSecretUntil: timestamp("previous_secret_until", { withTimezone: true }),
    enabled: boolean("enabled").notNull().default(true),
    disabledReason: text("disabled_reason").$type<WebhookDisabledReason>(),
    // The first failure since the last success: five days of them disable the endpoint.
    failingSince: timestamp("failing_since", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

/**
 * What happened, written in the transaction of the change (the outbox). `data` is the snapshot sent;
 * a booking's is taken when it is first sent (the booking's statement writes the event only).
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    // The order events happened in: per appointment, they are delivered in it.
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    type: text("type").$type<AnyWebhookEventType>().notNull(),
    // The appointment it is about: events of one subject reach an endpoint one after the other.
    subjectId: uuid("subject_id"),
    data: jsonb("data"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("webhook_events_subject_idx").on(t.tenantId, t.subjectId),
  ],
);
export type WebhookEvent = typeof webhookEvents.$inferSelect;

export const webhookDeliveryStatuses = ["pending", "succeeded", "failed"] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** One event to one endpoint, tried on the specification's schedule until it succeeds. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    endpointId: uuid("endpoint_id").notNull(),
    eventId: uuid("event_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    subjectId: uuid("subject_id"),
    status: text("status").$type<WebhookDeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    lastStatus: integer("last_status"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: "webhook_deliveries_endpoint_fk",
      columns: [t.tenantId, t.endpointId],
      foreignColumns: [webhookEndpoints.tenantId, webhookEndpoints.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "webhook_deliveries_event_fk",
      columns: [t.tenantId, t.eventId],
      foreignColumns: [webhookEvents.tenantId, webhookEvents.id],
    }).onDelete("cascade"),
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_chain_idx")
      .on(t.tenantId, t.endpointId, t.subjectId, t.seq)
      .where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_log_idx").on(t.tenantId, t.endpointId, t.createdAt),
    check(
      "webhook_deliveries_status_check",
      sql`${t.status} in ('pending', 'succeeded', 'failed')`,
    ),
  ],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

/** Each try of a delivery, for the endpoint's log. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    deliveryId: uuid("delivery_id").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull(),
    // Null: no answer (refused, timed out, address not allowed); then `error` says what happened.
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    responseBody: text("response_body"),
    error: text("error"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: "webhook_attempts_delivery_fk",
      columns: [t.tenantId, t.deliveryId],
      foreignColumns: [webhookDeliveries.tenantId, webhookDeliveries.id],
    }).onDelete("cascade"),
    index("webhook_attempts_delivery_idx").on(t.tenantId, t.deliveryId, t.attemptedAt),
  ],
);
export type WebhookAttempt = typeof webhookAttempts.$inferSelect;
