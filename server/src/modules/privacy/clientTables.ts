import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";

/** A table holding rows about a client, and its columns that can carry free text. */
export interface ClientTable {
  name: string;
  /** How a row is tied to the client: its own party_id, or its parent's (a deal's documents, a call's events). */
  link: { column: "party_id" } | { column: string; parent: string };
  textColumns: { name: string; json: boolean }[];
}

// Children whose rows belong to the client through their parent.
const PARENTS: Record<string, string> = { deal_id: "deals", work_order_id: "work_orders", call_id: "calls" };
// Rows the anonymisation handles on its own: the golden record's history and the blocking keys.
const OWN_HANDLING = new Set(["parties", "party_versions", "match_keys"]);

/**
 * Every table that holds something about a client, read from the database's own catalogue rather than
 * from a list, so that a module's new table is exported and anonymised without anyone remembering to.
 */
export async function clientTables(db: Db): Promise<ClientTable[]> {
  const columns = await execRows<{ table_name: string; column_name: string; data_type: string }>(
    db,
    sql`SELECT c.table_name, c.column_name, c.data_type
          FROM information_schema.columns c
          JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
         ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, { name: string; type: string }[]>();
  for (const c of columns) {
    const list = byTable.get(c.table_name) ?? [];
    list.push({ name: c.column_name, type: c.data_type });
    byTable.set(c.table_name, list);
  }
  const out: ClientTable[] = [];
  for (const [name, cols] of byTable) {
    if (OWN_HANDLING.has(name)) continue;
    const has = (col: string) => cols.some((c) => c.name === col);
    const parentColumn = Object.keys(PARENTS).find((col) => has(col) && !has("party_id"));
    const link = has("party_id")
      ? ({ column: "party_id" } as const)
      : parentColumn
        ? { column: parentColumn, parent: PARENTS[parentColumn] as string }
        : null;
    if (!link) continue;
    const textColumns = cols
      .filter((c) => ["text", "character varying", "jsonb"].includes(c.type))
      .map((c) => ({ name: c.name, json: c.type === "jsonb" }));
    out.push({ name, link, textColumns });
  }
  return out;
}

/** The condition selecting a table's rows about the client. */
export function rowsOf(table: ClientTable, partyId: number) {
  const column = sql.identifier(table.link.column);
  if (!("parent" in table.link)) return sql`${column} = ${partyId}::int`;
  return sql`${column} IN (SELECT id FROM ${sql.identifier(table.link.parent)} WHERE party_id = ${partyId}::int)`;
}
