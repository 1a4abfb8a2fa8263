-- A restore loads the accounts with their balances as they were: the movements it loads after them
-- must not be applied a second time (a superuser's restore fires no triggers at all; an ordinary
-- user's says so with orbit.restoring).
CREATE OR REPLACE FUNCTION loyalty_post_movement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('orbit.restoring', true) = 'on' THEN
    RETURN NEW;
  END IF;
  UPDATE loyalty_accounts SET balance = balance - NEW.points WHERE id = NEW.from_account_id;
  UPDATE loyalty_accounts SET balance = balance + NEW.points WHERE id = NEW.to_account_id;
  RETURN NEW;
END $$;
