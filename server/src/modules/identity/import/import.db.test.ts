import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, type TestApp } from "../../../../test/testApp";
import { periodicTasks } from "../../../tasks";
import { systemProcess } from "../../staff/actor";
import { importBatches } from "../schema";
import { runImport } from "./importRunner";

let t: TestApp;
let director: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  director = await t.signIn("director");
});
afterAll(() => t.close());

const CSV = [
  "Код;ФИО;Дата рождения;Телефон;E-mail;VIN",
  "K-1;Смирнов Алексей Петрович;12.03.1981;8 (916) 555-01-01;a.smirnov@mail.ru;XTA210990Y1234567",
  "K-2;Козлова Ирина Викторовна;01.07.1990;+7 926 555 02 02;;",
  "K-3;SMIRNOV ALEKSEI;12.03.1981;89165550101;;",
  "K-4;;;+7 903 000 00 00;;",
  "K-5;Новиков Павел;;9035550505;pavel@yandex.ru;XTA210990Y7654321",
].join("\n");

describe("importing a DMS export", () => {
  it("uploads, suggests the mapping, and a worker imports it: duplicates in the file merge, bad rows say why", async () => {
    const upload = await t.app.inject({
      method: "POST",
      url: "/api/imports?fileName=clients.csv&sourceSystem=dms:MSK-KIA",
      headers: { cookie: director.cookie, "x-csrf-token": director.csrfToken, "content-type": "text/csv" },
      payload: CSV,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const preview = upload.json();
    expect(preview.headers).toEqual(["Код", "ФИО", "Дата рождения", "Телефон", "E-mail", "VIN"]);
    expect(preview.suggestedMapping).toMatchObject({
      Код: "sourceKey",
      ФИО: "fullName",
      Телефон: "phones",
      VIN: "vins",
    });
    expect(preview.sample).toHaveLength(5);

    const bad = await t.as(director, "POST", `/api/imports/${preview.batch.id}/start`, {
      mapping: { Телефон: "phones" },
    });
    expect(bad.statusCode).toBe(400);
    const started = await t.as(director, "POST", `/api/imports/${preview.batch.id}/start`, {
      mapping: preview.suggestedMapping,
    });
    expect(started.json().status).toBe("uploaded");

    const task = periodicTasks({ matchers: t.matchers }).find((x) => x.name === "run-imports")!;
    await task.run(t.database);
    const done = (await t.as(director, "GET", `/api/imports/${preview.batch.id}`)).json();
    expect(done).toMatchObject({ status: "done", rowsDone: 5, created: 3, merged: 1, rejected: 1 });
    const rows = (await t.as(director, "GET", `/api/imports/${preview.batch.id}/rows?kind=rejected`)).json();
    expect(rows).toEqual([
      {
        rowNumber: 4,
        kind: "rejected",
        reason: "lastName: a name is required",
        row: expect.objectContaining({ Код: "K-4" }),
      },
    ]);

    // The same export again: every row is known by its key, nothing is duplicated.
    const again = await t.app.inject({
      method: "POST",
      url: "/api/imports?fileName=clients.csv&sourceSystem=dms:MSK-KIA",
      headers: { cookie: director.cookie, "x-csrf-token": director.csrfToken, "content-type": "text/csv" },
      payload: CSV,
    });
    const second = again.json();
    await t.as(director, "POST", `/api/imports/${second.batch.id}/start`, {
      mapping: second.suggestedMapping,
    });
    await task.run(t.database);
    const repeat = (await t.as(director, "GET", `/api/imports/${second.batch.id}`)).json();
    expect(repeat).toMatchObject({ status: "done", created: 0, merged: 0, skipped: 4, rejected: 1 });
  });

  it("is refused to roles without the import permission", async () => {
    const sales = await t.signIn("sales");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/imports?fileName=x.csv&sourceSystem=dms:MSK-KIA",
      headers: { cookie: sales.cookie, "x-csrf-token": sales.csrfToken, "content-type": "text/csv" },
      payload: CSV,
    });
    expect(res.statusCode).toBe(403);
  });

  it("resumes after a crash without losing or repeating rows", async () => {
    const lines = ["Код,Фамилия,Имя,Телефон"];
    for (let i = 0; i < 25; i++)
      lines.push(`R-${i},Тестов${"абвгдежзиклмнопрстуфхцчш"[i]},Иван,+7916700${String(i).padStart(4, "0")}`);
    const path = join(tmpdir(), `orbit-import-${Date.now()}.csv`);
    writeFileSync(path, lines.join("\n"));
    const [batch] = await t.database.db
      .insert(importBatches)
      .values({
        sourceSystem: "import:crash-test",
        fileName: "crash.csv",
        filePath: path,
        mapping: { Код: "sourceKey", Фамилия: "lastName", Имя: "firstName", Телефон: "phones" },
        status: "uploaded",
      })
      .returning();
    const matcher = await t.matchers.get(t.database.db);
    let batches = 0;
    await expect(
      runImport(
        t.database,
        systemProcess("test"),
        matcher,
        batch!.id,
        () => {
          // The process dies after the second committed batch.
          if (++batches === 2) throw new Error("killed");
        },
        10,
      ),
    ).rejects.toThrow("killed");
    const [half] = await t.database.query<{ rows_done: number; status: string }>(
      `SELECT rows_done, status FROM import_batches WHERE id = ${batch!.id}`,
    );
    expect(half).toEqual({ rows_done: 20, status: "failed" });
    const result = await runImport(t.database, systemProcess("test"), matcher, batch!.id, undefined, 10);
    expect(result).toMatchObject({ rowsDone: 25, created: 25 });
    const [count] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM source_records WHERE source_system = 'import:crash-test'",
    );
    expect(count!.n).toBe(25);
  });
});
