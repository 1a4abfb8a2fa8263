import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { type ClientTable, clientTables, rowsOf } from "./clientTables";

type Row = Record<string, unknown>;

export interface ClientExportDocument {
  format: "orbit.client-export/1";
  exportedAt: string;
  clientId: number;
  /** Every row about the client, by table: identity, contacts, documents, cars, deals, service, tasks, calls... */
  tables: Record<string, Row[]>;
  /** Entries of the action log about the client or mentioning them. */
  actionLog: Row[];
}

/** The action log's entries about a client: on its card, or on any record that names it. */
export const actionLogAbout = (partyId: number) => sql`
  (entity_type = 'client' AND entity_id = ${String(partyId)})
  OR "before" @> ${JSON.stringify({ partyId })}::jsonb
  OR "after" @> ${JSON.stringify({ partyId })}::jsonb`;

const selectRows = (db: Db, table: ClientTable, partyId: number) =>
  execRows<Row>(db, sql`SELECT * FROM ${sql.identifier(table.name)} WHERE ${rowsOf(table, partyId)}`);

/** Everything Orbit holds about one client, as one JSON document; the export itself is logged. */
export async function exportClient(db: Db, by: ActingAs, partyId: number): Promise<ClientExportDocument> {
  const [client] = await execRows<Row>(db, sql`SELECT * FROM parties WHERE id = ${partyId}::int`);
  if (!client) throw notFound("Client");
  const tables: Record<string, Row[]> = {
    parties: [client],
    party_versions: await execRows<Row>(
      db,
      sql`SELECT * FROM party_versions WHERE party_id = ${partyId}::int ORDER BY version`,
    ),
  };
  for (const table of await clientTables(db)) {
    const rows = await selectRows(db, table, partyId);
    if (rows.length > 0) tables[table.name] = rows;
  }
  const cars = sql`(SELECT vehicle_id FROM vehicle_ownerships WHERE party_id = ${partyId}::int)`;
  tables.vehicles = await execRows<Row>(db, sql`SELECT * FROM vehicles WHERE id IN ${cars} ORDER BY id`);
  tables.mileage_readings = await execRows<Row>(
    db,
    sql`SELECT * FROM mileage_readings WHERE vehicle_id IN ${cars} ORDER BY id`,
  );
  const actionLog = await execRows<Row>(
    db,
    sql`SELECT * FROM action_log WHERE ${actionLogAbout(partyId)} ORDER BY id`,
  );
  await recordAction(db, by, {
    entityType: "client",
    entityId: partyId,
    action: "client.exported",
    after: { tables: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])) },
  });
  return {
    format: "orbit.client-export/1",
    exportedAt: new Date().toISOString(),
    clientId: partyId,
    tables,
    actionLog,
  };
}
