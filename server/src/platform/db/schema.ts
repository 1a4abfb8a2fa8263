// Every module's tables, gathered for drizzle (queries with relations) and drizzle-kit (migrations).
export * from "../../modules/audit/schema";
export * from "../../modules/staff/schema";
