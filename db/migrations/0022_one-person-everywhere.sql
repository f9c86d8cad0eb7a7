ALTER TABLE "activities" ADD COLUMN "modes" text[] DEFAULT '{in_person}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "confirm_online_bookings" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_modes_check" CHECK (cardinality("activities"."modes") > 0 and "activities"."modes" <@ '{in_person,online}'::text[]);--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_confirm_online_bookings_check" CHECK ("tenants"."confirm_online_bookings" in ('automatic', 'manual'));--> statement-breakpoint
-- One person works at several places: each window of a staff member's week says where, and the
-- place they were at becomes that of all their windows.
UPDATE "staff_members" s SET "weekly_hours" = (
  SELECT jsonb_agg(e.w || jsonb_build_array(s."location_id"::text) ORDER BY e.i)
  FROM jsonb_array_elements(s."weekly_hours") WITH ORDINALITY AS e(w, i))
WHERE jsonb_typeof(s."weekly_hours") = 'array' AND jsonb_array_length(s."weekly_hours") > 0;--> statement-breakpoint
-- Video is a way of delivering a service: what was performed at an online location is now
-- delivered online, and in person too when someone performs it at a place. The online location
-- stays (a virtual place: its clock and hours, no address), with its bookings and their links.
UPDATE "activities" a SET "modes" = CASE
    WHEN EXISTS (SELECT 1 FROM "staff_services" ss
      JOIN "staff_members" s ON s."tenant_id" = ss."tenant_id" AND s."id" = ss."staff_id"
      JOIN "locations" l ON l."tenant_id" = s."tenant_id" AND l."id" = s."location_id"
      WHERE ss."tenant_id" = a."tenant_id" AND ss."activity_id" = a."id"
        AND s."deleted_at" IS NULL AND l."deleted_at" IS NULL AND NOT l."online")
    THEN '{in_person,online}'::text[] ELSE '{online}'::text[] END
WHERE EXISTS (SELECT 1 FROM "staff_services" ss
  JOIN "staff_members" s ON s."tenant_id" = ss."tenant_id" AND s."id" = ss."staff_id"
  JOIN "locations" l ON l."tenant_id" = s."tenant_id" AND l."id" = s."location_id"
  WHERE ss."tenant_id" = a."tenant_id" AND ss."activity_id" = a."id"
    AND s."deleted_at" IS NULL AND l."deleted_at" IS NULL AND l."online");
