CREATE TABLE "analytics_watermarks" (
	"name" text PRIMARY KEY NOT NULL,
	"log_id" bigint DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "process_cases" (
	"entity_type" text NOT NULL,
	"case_id" bigint NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"events" integer NOT NULL,
	"minutes" integer NOT NULL,
	"path" text[] NOT NULL,
	"dealership_id" integer,
	CONSTRAINT "process_cases_entity_type_case_id_pk" PRIMARY KEY("entity_type","case_id")
);
--> statement-breakpoint
CREATE TABLE "process_events" (
	"id" bigint PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"case_id" bigint NOT NULL,
	"step" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"next_at" timestamp with time zone,
	"minutes" integer,
	"actor_user_id" integer,
	"dealership_id" integer
);
--> statement-breakpoint
CREATE INDEX "process_cases_first_idx" ON "process_cases" USING btree ("entity_type","first_at");--> statement-breakpoint
CREATE INDEX "process_events_at_idx" ON "process_events" USING btree ("entity_type","at");--> statement-breakpoint
CREATE INDEX "process_events_case_idx" ON "process_events" USING btree ("entity_type","case_id");