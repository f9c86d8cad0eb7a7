CREATE TABLE "payment_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"account" text,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "payment_refunds" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"stripe_refund_id" text NOT NULL,
	"amount_minor" integer NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_refunds_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"stripe_account_id" text,
	"checkout_session_id" text,
	"checkout_url" text,
	"payment_intent_id" text,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"refunded_minor" integer DEFAULT 0 NOT NULL,
	"refund_due_minor" integer DEFAULT 0 NOT NULL,
	"refund_reason" text,
	"owed_on_payment" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount_minor" > 0),
	CONSTRAINT "payments_refund_check" CHECK ("payments"."refunded_minor" >= 0 and "payments"."refund_due_minor" >= 0
        and "payments"."refunded_minor" + "payments"."refund_due_minor" <= "payments"."amount_minor")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "payment_rule" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "deposit_minor" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "deposit_percent" integer;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "stripe_account_id" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "payment_hold_minutes" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "keep_deposits" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_payment_fk" FOREIGN KEY ("tenant_id","payment_id") REFERENCES "public"."payments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_events_waiting_idx" ON "payment_events" USING btree ("received_at") WHERE "payment_events"."processed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_refunds_stripe_key" ON "payment_refunds" USING btree ("stripe_refund_id");--> statement-breakpoint
CREATE INDEX "payment_refunds_tenant_created_idx" ON "payment_refunds" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_appointment_key" ON "payments" USING btree ("tenant_id","appointment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_checkout_session_key" ON "payments" USING btree ("checkout_session_id");--> statement-breakpoint
CREATE INDEX "payments_pending_expiry_idx" ON "payments" USING btree ("expires_at") WHERE "payments"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "payments_refund_due_idx" ON "payments" USING btree ("tenant_id") WHERE "payments"."refund_due_minor" > 0;--> statement-breakpoint
CREATE INDEX "payments_tenant_paid_idx" ON "payments" USING btree ("tenant_id","paid_at");--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_payment_rule_check" CHECK ("activities"."payment_rule" in ('none', 'full', 'deposit') and ("activities"."payment_rule" <> 'deposit' or
        (coalesce("activities"."deposit_minor", 0) > 0) <> (coalesce("activities"."deposit_percent", 0) between 1 and 100)));--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_payment_hold_check" CHECK ("tenants"."payment_hold_minutes" between 30 and 1440);