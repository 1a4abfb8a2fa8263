import type { AnonymiseResult } from "@orbit/contracts";
import { sql } from "drizzle-orm";
import { type Db, execRows } from "../../platform/db/database";
import { conflict, forbidden, notFound } from "../../platform/http/errors";
import { recordAction } from "../audit/service";
import type { ActingAs } from "../staff/actor";
import { clientTables, rowsOf } from "./clientTables";
import { actionLogAbout } from "./export.service";
import {
  type ClientValues,
  distinctiveValues,
  jsonTextPattern,
  personalValues,
  redactValues,
} from "./personalValues";

type Row = Record<string, unknown>;

async function valuesOf(db: Db, partyId: number): Promise<ClientValues> {
  const [p] = await execRows<Row>(db, sql`SELECT * FROM parties WHERE id = ${partyId}::int`);
  const texts = await execRows<{ v: string }>(
    db,
    sql`SELECT value AS v FROM contact_points WHERE party_id = ${partyId}::int
        UNION SELECT raw FROM contact_points WHERE party_id = ${partyId}::int
        UNION SELECT number FROM identity_documents WHERE party_id = ${partyId}::int
        UNION SELECT raw FROM identity_documents WHERE party_id = ${partyId}::int
        UNION SELECT value FROM party_addresses WHERE party_id = ${partyId}::int`,
  );
  const str = (k: string) => (typeof p?.[k] === "string" ? (p[k] as string) : null);
  return {
    names: ["display_name", "last_name", "first_name", "patronymic", "company_name"].map(str),
    identifiers: [...texts.map((t) => t.v), ...["inn", "kpp", "ogrn"].map(str)],
    birthDate: str("birth_date"),
  };
}

/** Rewrites the free-text columns of the chosen rows (by ctid, so tables without a key work too). */
async function redactRows(
  db: Db,
  table: string,
  columns: { name: string; json: boolean }[],
  where: ReturnType<typeof sql>,
  values: readonly string[],
): Promise<number> {
  if (columns.length === 0 || values.length === 0) return 0;
  const list = sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const rows = await execRows<Row & { row_ctid: string }>(
    db,
    sql`SELECT ctid::text AS row_ctid, ${list} FROM ${sql.identifier(table)} WHERE ${where}`,
  );
  let changed = 0;
  for (const row of rows) {
    const sets = [];
    for (const c of columns) {
      const before = row[c.name];
      if (before === null || before === undefined) continue;
      const after = redactValues(before, values);
      if (JSON.stringify(after) === JSON.stringify(before)) continue;
      sets.push(sql`${sql.identifier(c.name)} = ${c.json ? sql`${JSON.stringify(after)}::jsonb` : after}`);
    }
    if (sets.length === 0) continue;
    await db.execute(
      sql`UPDATE ${sql.identifier(table)} SET ${sql.join(sets, sql`, `)} WHERE ctid = ${row.row_ctid}::tid`,
    );
    changed++;
  }
  return changed;
}

/**
 * Erases who the client is while keeping what happened: names, birth date and company details go,
 * contact points, documents and addresses are removed, every copy of those values in the client's
 * rows and in the action log is replaced, and the client can no longer be matched to a new record.
 * Deals, visits, amounts and counts stay, so the dealer's figures do not change. Irreversible.
 */
export async function anonymiseClient(
  db: Db,
  by: ActingAs,
  partyId: number,
  reason: string,
): Promise<AnonymiseResult> {
  const [party] = await execRows<{ status: string; home_dealership_id: number | null }>(
    db,
    sql`SELECT status, home_dealership_id FROM parties WHERE id = ${partyId}::int FOR UPDATE`,
  );
  if (!party) throw notFound("Client");
  // A client is the whole group's; a dealership's staff may erase only clients whose home is theirs.
  if (by.dealershipId !== null && party.home_dealership_id !== by.dealershipId)
    throw forbidden("This client is another dealership's");
  if (party.status === "anonymised") throw conflict("This client was anonymised already");
  if (party.status === "merged") throw conflict("This client was merged into another; anonymise that one");

  const client = await valuesOf(db, partyId);
  const everything = personalValues(client);
  const distinctive = distinctiveValues(client);
  let redactedRows = 0;

  for (const table of await clientTables(db)) {
    const columns = table.textColumns.filter((c) => !["source_system", "kind", "status"].includes(c.name));
    redactedRows += await redactRows(db, table.name, columns, rowsOf(table, partyId), everything);
  }
  // A call from the client's number before the number was known, and its events.
  const phones = distinctive.filter((v) => v.startsWith("+"));
  if (phones.length > 0) {
    const unlinked = sql`party_id IS NULL AND phone IN (${sql.join(
      phones.map((p) => sql`${p}`),
      sql`, `,
    )})`;
    redactedRows += await redactRows(
      db,
      "call_events",
      [{ name: "payload", json: true }],
      sql`call_id IN (SELECT id FROM calls WHERE ${unlinked})`,
      distinctive,
    );
    redactedRows += await redactRows(
      db,
      "calls",
      [
        { name: "raw_number", json: false },
        { name: "phone", json: false },
      ],
      unlinked,
      distinctive,
    );
  }

  const removed = {
    contactPoints: await deleted(db, sql`DELETE FROM contact_points WHERE party_id = ${partyId}::int`),
    documents: await deleted(db, sql`DELETE FROM identity_documents WHERE party_id = ${partyId}::int`),
    addresses: await deleted(db, sql`DELETE FROM party_addresses WHERE party_id = ${partyId}::int`),
    // The portal: the client is signed out everywhere, and the photos of their car go.
    portalSessions: await deleted(db, sql`DELETE FROM portal_sessions WHERE party_id = ${partyId}::int`),
    photos: await deleted(
      db,
      sql`DELETE FROM portal_booking_photos WHERE work_order_id IN (SELECT id FROM work_orders WHERE party_id = ${partyId}::int)`,
    ),
  };
  const gone = sql`${JSON.stringify({ anonymised: true })}::jsonb`;
  await db.execute(sql`DELETE FROM match_keys WHERE party_id = ${partyId}::int`);
  await db.execute(
    sql`DELETE FROM match_candidates WHERE status = 'pending' AND ${partyId}::int IN (party_a, party_b)`,
  );
  await db.execute(
    sql`UPDATE match_candidates SET explanation = '{}'::jsonb WHERE ${partyId}::int IN (party_a, party_b)`,
  );
  await db.execute(
    sql`UPDATE merges SET explanation = NULL WHERE ${partyId}::int IN (survivor_id, merged_id)`,
  );
  await db.execute(sql`UPDATE source_records SET data = ${gone} WHERE party_id = ${partyId}::int`);
  await db.execute(sql`UPDATE party_versions SET data = ${gone} WHERE party_id = ${partyId}::int`);
  await db.execute(sql`
    UPDATE parties SET status = 'anonymised', blocked = true,
           display_name = ${`#${partyId}`}, last_name = NULL, first_name = NULL, patronymic = NULL,
           birth_date = NULL, gender = NULL, company_name = NULL, inn = NULL, kpp = NULL, ogrn = NULL,
           search_terms = '', name_key = NULL, first_key = NULL,
           version = version + 1, updated_at = now()
     WHERE id = ${partyId}::int`);

  // The action log is append-only; this transaction alone may rewrite the before and after of entries
  // (the trigger checks that nothing else in a row changes).
  await db.execute(sql`SELECT set_config('orbit.redacting', 'on', true)`);
  const pattern = jsonTextPattern(distinctive);
  const mentions = pattern ? sql`OR "before"::text ~* ${pattern} OR "after"::text ~* ${pattern}` : sql``;
  redactedRows += await redactRows(
    db,
    "action_log",
    [
      { name: "before", json: true },
      { name: "after", json: true },
    ],
    sql`${actionLogAbout(partyId)} ${mentions}`,
    everything,
  );
  await db.execute(sql`SELECT set_config('orbit.redacting', 'off', true)`);

  const result = { clientId: partyId, removed, redactedRows };
  await recordAction(db, by, {
    entityType: "client",
    entityId: partyId,
    action: "client.anonymised",
    after: { reason, ...result },
  });
  return result;
}

async function deleted(db: Db, statement: ReturnType<typeof sql>): Promise<number> {
  const rows = await execRows<{ id: number }>(db, sql`${statement} RETURNING id`);
  return rows.length;
}
