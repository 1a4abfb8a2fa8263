-- The action log stays append-only, with one exception: anonymising a client on request rewrites the
-- before and after of entries about that client. The transaction doing it sets orbit.redacting, and
-- nothing else in the row may change.
CREATE FUNCTION orbit_action_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('orbit.redacting', true) = 'on'
     AND NEW.id = OLD.id AND NEW.at = OLD.at
     AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id
     AND NEW.actor_role IS NOT DISTINCT FROM OLD.actor_role
     AND NEW.dealership_id IS NOT DISTINCT FROM OLD.dealership_id
     AND NEW.entity_type = OLD.entity_type AND NEW.entity_id = OLD.entity_id
     AND NEW.action = OLD.action
     AND NEW.process_step IS NOT DISTINCT FROM OLD.process_step
     AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
DROP TRIGGER action_log_no_update ON action_log;
--> statement-breakpoint
CREATE TRIGGER action_log_no_update BEFORE UPDATE OR DELETE ON action_log
  FOR EACH ROW EXECUTE FUNCTION orbit_action_log_guard();
