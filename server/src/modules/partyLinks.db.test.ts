import { getTableName } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/testDatabase";
import type { Database } from "../platform/db/database";
import { PARTY_LINKS } from "./partyLinks";

let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
});
afterAll(async () => drop());

describe("columns that point at a client", () => {
  // A merge re-points each of them from one client to another: without an index led by the column,
  // every merge would read the whole table (tens of millions of interactions at a million clients).
  it("each leads an index", async () => {
    const indexed = await database.query<{ tbl: string; col: string }>(
      `SELECT c.relname AS tbl, a.attname AS col
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indrelid
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
        WHERE c.relnamespace = 'public'::regnamespace`,
    );
    const have = new Set(indexed.map((r) => `${r.tbl}.${r.col}`));
    const missing = PARTY_LINKS.map((l) => `${getTableName(l.column.table)}.${l.column.name}`).filter(
      (name) => !have.has(name),
    );
    expect(missing).toEqual([]);
  });
});
