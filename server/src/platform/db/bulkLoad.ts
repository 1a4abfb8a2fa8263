import type { Database } from "./database";

/**
 * Runs a bulk load into fresh tables with their indexes and constraints (primary keys, unique
 * constraints, foreign keys) set aside, then builds each index once from sorted data and validates
 * each foreign key with one join: on PostgreSQL several times faster than maintaining them row by
 * row through tens of millions of rows. The definitions are restored whether or not the load
 * succeeds, and restoring them checks everything the constraints promise. PGlite loads are small
 * (the default demo), so there the load just runs.
 */
export async function withIndexesDeferred<T>(
  database: Database,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  if (database.kind !== "postgres") return load();
  const list = [...tables];
  const constraints = await database.query<{ tbl: string; name: string; def: string; kind: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def, contype AS kind
       FROM pg_constraint
      WHERE contype IN ('p', 'u', 'f')
        AND (conrelid::regclass::text = ANY($1) OR (contype = 'f' AND confrelid::regclass::text = ANY($1)))`,
    [list],
  );
  const indexes = await database.query<{ name: string; def: string }>(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def
       FROM pg_index i
      WHERE indrelid::regclass::text = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [list],
  );
  const foreign = constraints.filter((c) => c.kind === "f");
  const keys = constraints.filter((c) => c.kind !== "f");
  for (const c of [...foreign, ...keys])
    await database.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${c.name}`);
  for (const ix of indexes) await database.query(`DROP INDEX ${ix.name}`);
  try {
    return await load();
  } finally {
    await database.withConnection(async (q) => {
      await q("SET maintenance_work_mem = '512MB'");
      await q("SET max_parallel_maintenance_workers = 2");
      for (const c of keys) await q(`ALTER TABLE ${c.tbl} ADD CONSTRAINT ${c.name} ${c.def}`);
      for (const ix of indexes) await q(ix.def);
      for (const c of foreign) await q(`ALTER TABLE ${c.tbl} ADD CONSTRAINT ${c.name} ${c.def}`);
    });
  }
}
