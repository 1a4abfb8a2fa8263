-- The action log is the audit trail: rows are added, never changed or removed.
CREATE FUNCTION orbit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER action_log_no_update BEFORE UPDATE OR DELETE ON action_log
  FOR EACH ROW EXECUTE FUNCTION orbit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER action_log_no_truncate BEFORE TRUNCATE ON action_log
  FOR EACH STATEMENT EXECUTE FUNCTION orbit_refuse_change();
