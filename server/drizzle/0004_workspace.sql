-- Trigram indexes for search by any part of a name, phone, e-mail, VIN or plate.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "search_terms" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "name_key" text;--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "first_key" text;--> statement-breakpoint
CREATE INDEX "interactions_user_idx" ON "interactions" USING btree ("user_id","occurred_at") WHERE "interactions"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "contact_points_value_trgm" ON "contact_points" USING gin ("value" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "parties_search_terms_trgm" ON "parties" USING gin ("search_terms" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "parties_name_key_idx" ON "parties" USING btree ("name_key","first_key" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "work_orders_advisor_idx" ON "work_orders" USING btree ("advisor_id","opened_at");--> statement-breakpoint
CREATE INDEX "vehicles_vin_trgm" ON "vehicles" USING gin ("vin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "vehicles_plate_trgm" ON "vehicles" USING gin ("plate" gin_trgm_ops);