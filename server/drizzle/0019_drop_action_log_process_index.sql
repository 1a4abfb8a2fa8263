-- Process mining reads its facts from process_facts (0017): nothing reads action_log by entity type and
-- time any more, and every audited write paid for keeping this index.
DROP INDEX IF EXISTS "action_log_process_idx";
