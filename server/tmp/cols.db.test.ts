import { test } from "vitest";
import { createTestDatabase } from "../test/testDatabase";
test("cols", async () => {
  const { database, drop } = await createTestDatabase();
  const rows = await database.query<{ t: string; cols: string; has: boolean }>(`
    SELECT c.table_name t, string_agg(c.column_name || ':' || c.data_type, ', ' ORDER BY c.ordinal_position) cols,
      bool_or(c.column_name LIKE '%party_id') has
    FROM information_schema.columns c JOIN information_schema.tables tb USING (table_schema, table_name)
    WHERE c.table_schema='public' AND tb.table_type='BASE TABLE' AND c.data_type IN ('text','jsonb','integer','character varying','ARRAY') GROUP BY 1 ORDER BY 1`);
  for (const r of rows) console.log((r.has ? "P " : "  ") + r.t + ": " + r.cols.replace(/:integer/g,"#").replace(/:text/g,"").replace(/:jsonb/g,"{}"));
  await drop();
}, 60000);
