ALTER TABLE "appointments" ADD COLUMN "visit_id" uuid;--> statement-breakpoint
CREATE INDEX "appointments_visit_idx" ON "appointments" USING btree ("tenant_id","visit_id");