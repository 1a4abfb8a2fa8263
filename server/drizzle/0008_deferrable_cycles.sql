-- A department's head is a user, and a user belongs to a department: the two references go round in a
-- circle. Deferrable, they are checked at the end of a transaction that writes both sides (a restore).
ALTER TABLE "departments" ALTER CONSTRAINT "departments_head_user_id_users_id_fk" DEFERRABLE INITIALLY IMMEDIATE;
