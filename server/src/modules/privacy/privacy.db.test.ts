import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, type TestApp } from "../../../test/testApp";
import { dealerDay } from "../../platform/time/dealerCalendar";

let t: TestApp;
let admin: SignedIn;
let clientId: number;
/** The client's values that no other client shares, so that any occurrence in the database is theirs. */
let personal: string[];

const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  t.database.query<T>(text, params);

/** Every row of every text or jsonb column in the whole database that contains the value. */
async function occurrences(value: string): Promise<string[]> {
  const columns = await q<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND tb.table_type = 'BASE TABLE'
        AND c.data_type IN ('text', 'character varying', 'jsonb', 'ARRAY')`,
  );
  const found: string[] = [];
  for (const c of columns) {
    const [row] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${c.table_name}" WHERE "${c.column_name}"::text ILIKE $1`,
      [`%${value.replace(/[%_\\]/g, "\\$&")}%`],
    );
    if (row && row.n > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

/** The dealer's figures: what anonymisation must leave exactly as they were. */
const aggregates = () =>
  q(`SELECT
      (SELECT json_agg(x ORDER BY x.d) FROM (SELECT dealership_id d, count(*) n, sum(amount_kopecks) s
         FROM deals GROUP BY 1) x) AS deals,
      (SELECT json_agg(x ORDER BY x.d) FROM (SELECT dealership_id d, count(*) n, sum(amount_kopecks) s
         FROM work_orders GROUP BY 1) x) AS visits,
      (SELECT count(*) FROM parties) AS clients,
      (SELECT count(*) FROM tasks) AS tasks,
      (SELECT count(*) FROM interactions) AS interactions,
      (SELECT count(*) FROM vehicle_ownerships) AS cars,
      (SELECT count(*) FROM insurance_policies) AS policies,
      (SELECT count(*) FROM consents) AS consents`);

beforeAll(async () => {
  t = await createTestApp({ clients: 60, seed: 17, asOf: dealerDay() });
  admin = await t.signIn("admin");
  // The client with the richest history: purchases, visits, a document, several contacts.
  const [best] = await q<{ id: number }>(`
    SELECT p.id FROM parties p
     WHERE p.kind = 'person' AND p.status = 'active'
       AND EXISTS (SELECT 1 FROM identity_documents d WHERE d.party_id = p.id)
       AND EXISTS (SELECT 1 FROM work_orders w WHERE w.party_id = p.id)
     ORDER BY (SELECT count(*) FROM deals d WHERE d.party_id = p.id)
            + (SELECT count(*) FROM interactions i WHERE i.party_id = p.id) DESC, p.id
     LIMIT 1`);
  if (!best) throw new Error("the demo has no client with a document and a visit");
  clientId = best.id;
  // A fresh edit puts the name and a new phone into the action log's before and after.
  const card = (await t.as(admin, "GET", `/api/clients/${clientId}`)).json();
  const edited = await t.as(admin, "PATCH", `/api/clients/${clientId}`, {
    version: card.version,
    addPhones: ["+7 999 765-43-21"],
    addEmails: ["Privacy.Test@Example.ru"],
  });
  expect(edited.statusCode).toBe(200);
  const values = await q<{ v: string }>(
    `SELECT display_name AS v FROM parties WHERE id = $1
     UNION SELECT value FROM contact_points WHERE party_id = $1
     UNION SELECT raw FROM contact_points WHERE party_id = $1
     UNION SELECT number FROM identity_documents WHERE party_id = $1
     UNION SELECT value FROM party_addresses WHERE party_id = $1`,
    [clientId],
  );
  const shared = await q<{ v: string }>(
    `SELECT display_name AS v FROM parties WHERE id <> $1
     UNION SELECT value FROM contact_points WHERE party_id <> $1
     UNION SELECT raw FROM contact_points WHERE party_id <> $1
     UNION SELECT number FROM identity_documents WHERE party_id <> $1
     UNION SELECT value FROM party_addresses WHERE party_id <> $1`,
    [clientId],
  );
  const others = new Set(shared.map((s) => s.v.toLowerCase()));
  personal = values.map((v) => v.v).filter((v) => v.length >= 5 && !others.has(v.toLowerCase()));
});
afterAll(() => t.close());

describe("consents", () => {
  it("record per channel and purpose who gave or withdrew them, when and from where, and keep every change", async () => {
    const created = await t.as(admin, "POST", "/api/clients", {
      fullName: "Согласова Анна Павловна",
      phones: ["+7 926 100-20-30"],
      consents: [{ channel: "sms", purpose: "marketing", granted: true }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().clientId as number;
    const version = (await t.as(admin, "GET", `/api/clients/${id}`)).json().version;
    const withdrawn = await t.as(admin, "PATCH", `/api/clients/${id}`, {
      version,
      consents: [{ channel: "sms", purpose: "marketing", granted: false }],
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    const [me] = await q<{ full_name: string }>(`SELECT full_name FROM users WHERE login = 'admin'`);
    const card = (await t.as(admin, "GET", `/api/clients/${id}/card`)).json();
    const identity = (await t.as(admin, "GET", `/api/clients/${id}`)).json();
    for (const view of [card.identity, identity]) {
      expect(view.consents).toEqual([
        expect.objectContaining({
          channel: "sms",
          purpose: "marketing",
          granted: false,
          validTo: null,
          sourceSystem: "orbit",
          changedBy: me?.full_name,
        }),
      ]);
    }
    const history = await q<{ granted: boolean; ended: boolean }>(
      `SELECT granted, valid_to IS NOT NULL AS ended FROM consents WHERE party_id = $1 ORDER BY id`,
      [id],
    );
    expect(history).toEqual([
      { granted: true, ended: true },
      { granted: false, ended: false },
    ]);
    const exported = (await t.as(admin, "GET", `/api/clients/${id}/personal-data`)).json();
    expect(exported.tables.consents).toHaveLength(2);
  });
});

describe("the export of everything held about a client", () => {
  it("holds every module's rows and the action log's entries about them, and is itself logged", async () => {
    const res = await t.as(admin, "GET", `/api/clients/${clientId}/personal-data`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain(`client-${clientId}.json`);
    const doc = res.json();
    expect(doc.clientId).toBe(clientId);
    for (const table of [
      "parties",
      "party_versions",
      "contact_points",
      "identity_documents",
      "source_records",
      "vehicle_ownerships",
      "vehicles",
      "work_orders",
      "deals",
      "insurance_policies",
      "interactions",
      "consents",
      "mileage_readings",
    ]) {
      expect(doc.tables[table]?.length, table).toBeGreaterThan(0);
    }
    for (const [table, rows] of Object.entries(doc.tables) as [string, Record<string, unknown>[]][]) {
      if (table === "vehicles" || table === "mileage_readings") continue;
      for (const row of rows) {
        const owner = row.party_id ?? row.id;
        if ("party_id" in row) expect(owner, table).toBe(clientId);
      }
    }
    const text = JSON.stringify(doc);
    expect(text).toContain("+79997654321");
    const entries = doc.actionLog as { entity_type: string; entity_id: string; after: unknown }[];
    expect(entries.some((e) => e.entity_type === "client" && e.entity_id === String(clientId))).toBe(true);
    const [logged] = await q(`SELECT 1 FROM action_log WHERE action = 'client.exported' AND entity_id = $1`, [
      String(clientId),
    ]);
    expect(logged).toBeDefined();
  });

  it("is refused to those without the privacy permission", async () => {
    const sales = await t.signIn("sales");
    expect((await t.as(sales, "GET", `/api/clients/${clientId}/personal-data`)).statusCode).toBe(403);
    expect(
      (await t.as(sales, "POST", `/api/clients/${clientId}/anonymise`, { reason: "x" })).statusCode,
    ).toBe(403);
  });
});

describe("anonymisation on the client's request", () => {
  it("leaves no personal value anywhere in the database, and every figure as it was", async () => {
    expect(personal.length).toBeGreaterThanOrEqual(4);
    for (const v of personal) expect(await occurrences(v), v).not.toEqual([]);
    const before = await aggregates();

    expect((await t.as(admin, "POST", `/api/clients/${clientId}/anonymise`, {})).statusCode).toBe(400);
    const res = await t.as(admin, "POST", `/api/clients/${clientId}/anonymise`, { reason: "Заявление №17" });
    expect(res.statusCode).toBe(200);
    expect(res.json().removed.contactPoints).toBeGreaterThan(0);

    const left: string[] = [];
    for (const v of personal) for (const where of await occurrences(v)) left.push(`${v} in ${where}`);
    expect(left).toEqual([]);
    expect(await aggregates()).toEqual(before);
  });

  it("is irreversible, recorded, and the client is neither shown nor matched again", async () => {
    expect((await t.as(admin, "GET", `/api/clients/${clientId}`)).statusCode).toBe(404);
    expect((await t.as(admin, "GET", `/api/clients/${clientId}/card`)).statusCode).toBe(404);
    expect((await t.as(admin, "GET", `/api/clients/${clientId}/history`)).statusCode).toBe(404);
    expect(
      (await t.as(admin, "POST", `/api/clients/${clientId}/anonymise`, { reason: "again" })).statusCode,
    ).toBe(409);
    const [entry] = await q<{ after: { reason: string } }>(
      `SELECT after FROM action_log WHERE action = 'client.anonymised' AND entity_id = $1`,
      [String(clientId)],
    );
    expect(entry?.after.reason).toBe("Заявление №17");
    const [keys] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM match_keys WHERE party_id = $1`, [
      clientId,
    ]);
    expect(keys?.n).toBe(0);

    // The same person coming back is a new client, not the erased one.
    const again = await t.as(admin, "POST", "/api/clients", {
      lastName: "Возвращенцев",
      firstName: "Пётр",
      phones: ["+7 999 765-43-21"],
      emails: ["privacy.test@example.ru"],
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().clientId).not.toBe(clientId);
  });

  it("keeps the action log append-only for everything else", async () => {
    await expect(
      q(`UPDATE action_log SET after = '{}' WHERE id = (SELECT min(id) FROM action_log)`),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('orbit.redacting', 'on', true)`);
        await tx.execute(sql`UPDATE action_log SET action = 'x' WHERE id = (SELECT min(id) FROM action_log)`);
      }),
    ).rejects.toThrow();
    await expect(q(`DELETE FROM action_log WHERE id = (SELECT min(id) FROM action_log)`)).rejects.toThrow(
      /append-only/,
    );
  });
});
