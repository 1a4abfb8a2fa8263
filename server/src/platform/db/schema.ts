// Every module's tables, gathered for drizzle (queries with relations) and drizzle-kit (migrations).
export * from "../../modules/analytics/schema";
export * from "../../modules/audit/schema";
export * from "../../modules/deals/schema";
export * from "../../modules/engagement/schema";
export * from "../../modules/identity/schema";
export * from "../../modules/loyalty/schema";
export * from "../../modules/messaging/schema";
export * from "../../modules/portal/schema";
export * from "../../modules/scenarios/schema";
export * from "../../modules/scoring/schema";
export * from "../../modules/service/schema";
export * from "../../modules/staff/schema";
export * from "../../modules/stock/schema";
export * from "../../modules/tasks/schema";
export * from "../../modules/telephony/schema";
export * from "../../modules/vehicles/schema";
export * from "../jobs/schema";
