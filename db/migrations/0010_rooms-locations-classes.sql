CREATE TABLE "class_sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"resource_id" uuid,
	"location_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"blocked_from" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"meeting_url" text,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "class_sessions_capacity_check" CHECK ("class_sessions"."capacity" between 1 and 1000),
	CONSTRAINT "class_sessions_times_check" CHECK ("class_sessions"."blocked_from" <= "class_sessions"."starts_at" and "class_sessions"."starts_at" < "class_sessions"."ends_at" and "class_sessions"."ends_at" <= "class_sessions"."blocked_until")
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"contact_email" text,
	"contact_phone" text,
	"time_zone" text,
	"weekly_hours" jsonb,
	"closed_days" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"meeting_base_url" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "locations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"weekly_hours" jsonb,
	"closed_days" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "resources_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "resource_kind" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "capacity" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "location_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "resource_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "class_session_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "seat" integer;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "seat_capacity" integer;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "meeting_url" text;--> statement-breakpoint
ALTER TABLE "staff_members" ADD COLUMN "location_id" uuid;--> statement-breakpoint
-- Every existing business gets its one location, which takes everything else from the business
-- (its zone, hours, address, contact), and everyone and everything is there.
INSERT INTO "locations" ("tenant_id", "name") SELECT "id", "name" FROM "tenants";--> statement-breakpoint
UPDATE "staff_members" s SET "location_id" = l."id" FROM "locations" l WHERE l."tenant_id" = s."tenant_id";--> statement-breakpoint
UPDATE "appointments" a SET "location_id" = l."id" FROM "locations" l WHERE l."tenant_id" = a."tenant_id";--> statement-breakpoint
ALTER TABLE "staff_members" ALTER COLUMN "location_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "location_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_activity_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."activities"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_staff_fk" FOREIGN KEY ("tenant_id","staff_id") REFERENCES "public"."staff_members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_resource_fk" FOREIGN KEY ("tenant_id","resource_id") REFERENCES "public"."resources"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_location_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_location_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "class_sessions_capacity_key" ON "class_sessions" USING btree ("tenant_id","id","capacity");--> statement-breakpoint
CREATE INDEX "class_sessions_tenant_starts_idx" ON "class_sessions" USING btree ("tenant_id","starts_at");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_location_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_resource_fk" FOREIGN KEY ("tenant_id","resource_id") REFERENCES "public"."resources"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_class_session_fk" FOREIGN KEY ("tenant_id","class_session_id","seat_capacity") REFERENCES "public"."class_sessions"("tenant_id","id","capacity") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_location_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_class_session_idx" ON "appointments" USING btree ("tenant_id","class_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_meeting_url_key" ON "appointments" USING btree ("meeting_url");--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_capacity_check" CHECK ("activities"."capacity" between 1 and 1000);--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_seat_check" CHECK (("appointments"."class_session_id" is null and "appointments"."seat" is null and "appointments"."seat_capacity" is null)
        or ("appointments"."class_session_id" is not null and "appointments"."seat" between 1 and "appointments"."seat_capacity"));;--> statement-breakpoint
-- No double booking of a resource either, and a class's seats do not count against its teacher's
-- or its room's time: the session holds that time once (class_sessions, below).
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_no_overlap";--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("tenant_id" WITH =, "staff_id" WITH =, tstzrange("blocked_from", "blocked_until", '[)') WITH &&)
  WHERE ("status" IN ('pending', 'confirmed') AND "class_session_id" IS NULL);--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_resource_overlap"
  EXCLUDE USING gist ("tenant_id" WITH =, "resource_id" WITH =, tstzrange("blocked_from", "blocked_until", '[)') WITH &&)
  WHERE ("status" IN ('pending', 'confirmed') AND "class_session_id" IS NULL AND "resource_id" IS NOT NULL);--> statement-breakpoint
-- One booking per seat; with appointments_seat_check (seat between 1 and the capacity, which the
-- foreign key keeps equal to the session's), a session never holds more than its capacity.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_one_per_seat"
  EXCLUDE USING gist ("tenant_id" WITH =, "class_session_id" WITH =, "seat" WITH =)
  WHERE ("status" IN ('pending', 'confirmed') AND "class_session_id" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_no_overlap"
  EXCLUDE USING gist ("tenant_id" WITH =, "staff_id" WITH =, tstzrange("blocked_from", "blocked_until", '[)') WITH &&)
  WHERE ("cancelled_at" IS NULL);--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_no_resource_overlap"
  EXCLUDE USING gist ("tenant_id" WITH =, "resource_id" WITH =, tstzrange("blocked_from", "blocked_until", '[)') WITH &&)
  WHERE ("cancelled_at" IS NULL AND "resource_id" IS NOT NULL);--> statement-breakpoint
-- Sessions and appointments are two tables, so no one constraint covers both: this trigger checks
-- each new or moved holder of time against the other table, under the advisory locks of the
-- person's and the resource's 15-minute buckets of that time (the very locks of timeLocks in
-- lib/appointments/time-locks.ts, which a booking's statement already holds), so that of two
-- writers of overlapping time, one always waits for the other and then sees its committed row
-- (in READ COMMITTED, each query of a volatile function reads a fresh snapshot). A clash is
-- reported as a 23P01, like the constraints'.
CREATE FUNCTION "class_time_is_free"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_bucket int := floor(extract(epoch FROM NEW.blocked_from) * 1000 / 900000);
  last_bucket int := floor((extract(epoch FROM NEW.blocked_until) * 1000 - 1) / 900000);
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(NEW.tenant_id || ':' || NEW.staff_id), bucket)
    FROM generate_series(first_bucket, last_bucket) AS bucket;
  IF NEW.resource_id IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtext(NEW.tenant_id || ':' || NEW.resource_id), bucket)
      FROM generate_series(first_bucket, last_bucket) AS bucket;
  END IF;
  IF TG_TABLE_NAME = 'appointments' THEN
    PERFORM 1 FROM class_sessions s
      WHERE s.tenant_id = NEW.tenant_id AND s.cancelled_at IS NULL
        AND (s.staff_id = NEW.staff_id OR s.resource_id = NEW.resource_id)
        AND tstzrange(s.blocked_from, s.blocked_until, '[)') && tstzrange(NEW.blocked_from, NEW.blocked_until, '[)');
  ELSE
    PERFORM 1 FROM appointments a
      WHERE a.tenant_id = NEW.tenant_id AND a.status IN ('pending', 'confirmed')
        AND a.class_session_id IS NULL
        AND (a.staff_id = NEW.staff_id OR a.resource_id = NEW.resource_id)
        AND tstzrange(a.blocked_from, a.blocked_until, '[)') && tstzrange(NEW.blocked_from, NEW.blocked_until, '[)');
  END IF;
  IF FOUND THEN
    RAISE EXCEPTION 'time held by a class session or an appointment'
      USING ERRCODE = '23P01', CONSTRAINT = 'class_time_is_free';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "appointments_class_time" BEFORE INSERT OR UPDATE OF "status", "staff_id", "resource_id", "blocked_from", "blocked_until"
  ON "appointments" FOR EACH ROW
  WHEN (NEW."class_session_id" IS NULL AND NEW."status" IN ('pending', 'confirmed'))
  EXECUTE FUNCTION "class_time_is_free"();--> statement-breakpoint
CREATE TRIGGER "class_sessions_time" BEFORE INSERT OR UPDATE OF "cancelled_at", "staff_id", "resource_id", "blocked_from", "blocked_until"
  ON "class_sessions" FOR EACH ROW
  WHEN (NEW."cancelled_at" IS NULL)
  EXECUTE FUNCTION "class_time_is_free"();