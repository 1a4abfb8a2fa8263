DROP INDEX "lifecycle_points_party_idx";--> statement-breakpoint
CREATE INDEX "lifecycle_points_party_idx" ON "lifecycle_points" USING btree ("party_id","window_start");