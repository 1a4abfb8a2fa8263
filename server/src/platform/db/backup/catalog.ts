import type { QueryFn } from "../database";

export interface TableInfo {
  name: string;
  /** Columns that hold data (generated columns are recomputed, not stored in a backup). */
  columns: string[];
  /** Identity columns, whose sequences continue after the largest restored value. */
  identity: string[];
}

/**
 * Orbit's tables in an order where every table comes after the tables it refers to (a restore that
 * checks foreign keys row by row needs the parents first), and whether references that cannot be
 * deferred go round in a cycle (then only a restore that skips the checks can load them).
 */
export async function listTables(query: QueryFn): Promise<{ tables: TableInfo[]; cyclic: boolean }> {
  const columns = await query<{ table: string; column: string; identity: string; generated: string }>(
    `SELECT c.relname AS table, a.attname AS column, a.attidentity AS identity, a.attgenerated AS generated
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  // A deferrable reference is checked at commit (the restore defers them): it does not order the tables.
  const references = await query<{ child: string; parent: string }>(
    `SELECT DISTINCT ch.relname AS child, pa.relname AS parent
       FROM pg_constraint k JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
      WHERE k.contype = 'f' AND NOT k.condeferrable AND ch.relnamespace = 'public'::regnamespace
        AND ch.oid <> pa.oid`,
  );
  const byName = new Map<string, TableInfo>();
  for (const c of columns) {
    const table = byName.get(c.table) ?? { name: c.table, columns: [], identity: [] };
    byName.set(c.table, table);
    if (c.generated) continue;
    table.columns.push(c.column);
    // COPY writes identity columns as given, even GENERATED ALWAYS ones (as OVERRIDING SYSTEM VALUE).
    if (c.identity) table.identity.push(c.column);
  }
  const { order, cyclic } = parentsFirst(
    [...byName.keys()],
    references.map((r) => [r.child, r.parent] as const),
  );
  return { tables: order.map((name) => byName.get(name)!), cyclic };
}

/** Kahn's algorithm: parents before children, ties by name; what is left in cycles comes last. */
export function parentsFirst(
  names: string[],
  edges: readonly (readonly [child: string, parent: string])[],
): { order: string[]; cyclic: boolean } {
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const [child, parent] of edges) if (parents.has(parent)) parents.get(child)?.add(parent);
  const order: string[] = [];
  const placed = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const name of [...names].sort()) {
      if (placed.has(name)) continue;
      if ([...parents.get(name)!].every((p) => placed.has(p))) {
        order.push(name);
        placed.add(name);
        progress = true;
      }
    }
  }
  const rest = names.filter((n) => !placed.has(n)).sort();
  return { order: [...order, ...rest], cyclic: rest.length > 0 };
}
