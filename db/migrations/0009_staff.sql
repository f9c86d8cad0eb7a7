CREATE TABLE "staff_members" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"color" text NOT NULL,
	"user_id" uuid,
	"weekly_hours" jsonb,
	"closed_days" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "staff_members_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "staff_services" (
	"tenant_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	CONSTRAINT "staff_services_tenant_id_staff_id_activity_id_pk" PRIMARY KEY("tenant_id","staff_id","activity_id")
);
--> statement-breakpoint
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_services" ADD CONSTRAINT "staff_services_staff_fk" FOREIGN KEY ("tenant_id","staff_id") REFERENCES "public"."staff_members"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_services" ADD CONSTRAINT "staff_services_activity_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."activities"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_services_activity_idx" ON "staff_services" USING btree ("tenant_id","activity_id");--> statement-breakpoint
-- A removed user's staff member stays (their appointments keep naming them), without a login.
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE SET NULL ("user_id");--> statement-breakpoint
-- Every existing business was one calendar: it becomes one staff member, its first owner, who
-- works the business's hours, performs every live service and keeps every appointment.
INSERT INTO "staff_members" ("tenant_id", "name", "color", "user_id")
SELECT t."id", coalesce(o."name", t."name"), '#2563eb', o."id"
FROM "tenants" t
LEFT JOIN LATERAL (
  SELECT u."id", u."name" FROM "users" u
  WHERE u."tenant_id" = t."id" AND u."role" = 'owner'
  ORDER BY u."created_at", u."id" LIMIT 1
) o ON true;--> statement-breakpoint
INSERT INTO "staff_services" ("tenant_id", "staff_id", "activity_id")
SELECT a."tenant_id", s."id", a."id"
FROM "activities" a JOIN "staff_members" s ON s."tenant_id" = a."tenant_id"
WHERE a."deleted_at" IS NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "staff_id" uuid;--> statement-breakpoint
UPDATE "appointments" a SET "staff_id" = s."id"
FROM "staff_members" s WHERE s."tenant_id" = a."tenant_id";--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "staff_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_staff_fk" FOREIGN KEY ("tenant_id","staff_id") REFERENCES "public"."staff_members"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- No double booking, per staff member now: two appointments that hold their time (see
-- lib/appointments/status.ts) can overlap only when different people perform them.
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_no_overlap";--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("tenant_id" WITH =, "staff_id" WITH =, tstzrange("blocked_from", "blocked_until", '[)') WITH &&)
  WHERE ("status" IN ('pending', 'confirmed'));
