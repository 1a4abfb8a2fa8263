-- One dealership's work orders of a period (wallet share, show-up): a range scan of exactly its rows,
-- instead of every work order it ever had by number or every dealership's of the period; the included
-- columns let the scan answer from the index alone where the table is vacuumed.
CREATE INDEX IF NOT EXISTS "work_orders_dealership_opened_idx" ON "work_orders" ("dealership_id", "opened_at") INCLUDE ("vehicle_id", "status", "kind", "booking_channel", "amount_kopecks");
