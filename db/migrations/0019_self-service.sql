ALTER TABLE "appointments" ADD COLUMN "privacy_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "marketing_opt_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "confirmed_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "guide_done_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "privacy_notice_url" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "asks_marketing_consent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "embed_origins" text[] DEFAULT '{}'::text[] NOT NULL;