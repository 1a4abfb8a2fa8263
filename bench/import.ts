// Client import at scale: `npm run bench -- import [rows]` (default 1,000,000) writes a DMS-style CSV
// export of generated Russian clients (a tenth of them typed a second time, as another dealership would),
// imports it into a fresh PostgreSQL database through the same code as `orbit import`, and prints
// rows/s and what matching made of the duplicates. The reference is COPY of the same rows into a bare
// table: the floor any import into PostgreSQL pays.
import { createReadStream, createWriteStream, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../server/src/config";
import { generatePerson } from "../server/src/modules/demo/people";
import { createRng } from "../server/src/modules/demo/random";
import { typeAsStaff } from "../server/src/modules/demo/staffTyping";
import { importFromFile } from "../server/src/modules/identity/import/importCli";
import { MatcherProvider } from "../server/src/modules/identity/matcher";
import { shippedModels } from "../server/src/modules/identity/shippedModels";
import { freshDatabase, machine } from "./lib/pgDatabase";

const quote = (v: string | null) => (v === null ? "" : /[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function writeExport(path: string, rows: number): Promise<{ people: number; duplicates: number }> {
  const out = createWriteStream(path);
  const write = (line: string) =>
    out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
  await write("Код клиента;ФИО;Дата рождения;Телефон;E-mail;Паспорт\n");
  const rng = createRng("bench/import");
  let people = 0;
  let duplicates = 0;
  let written = 0;
  while (written < rows) {
    const person = generatePerson(rng, { index: people++ });
    const copies = rng.chance(0.1) && written + 1 < rows ? 2 : 1;
    if (copies === 2) duplicates++;
    for (let c = 0; c < copies; c++) {
      const t = typeAsStaff(person, rng).record;
      const name = t.fullName ?? [t.lastName, t.firstName, t.patronymic].filter(Boolean).join(" ");
      await write(
        `${["K", written + 1].join("-")};${quote(name)};${quote(t.birthDate)};${quote(t.phone)};${quote(t.email)};${quote(t.passport)}\n`,
      );
      written++;
    }
  }
  await new Promise<void>((r) => out.end(r));
  return { people, duplicates };
}

export default async function importBench(args: string[]): Promise<void> {
  const rows = Number(args[0] ?? 1_000_000);
  if (!Number.isInteger(rows) || rows < 10) throw new Error(`usage: import [rows], got ${args[0]}`);
  console.log(`import benchmark: ${rows.toLocaleString("en")} rows on PostgreSQL; ${await machine()}`);
  const path = join(tmpdir(), `orbit-bench-import-${rows}.csv`);
  let t = Date.now();
  const truth = await writeExport(path, rows);
  console.log(
    `export written: ${(statSync(path).size / 2 ** 20).toFixed(0)} MiB, ${truth.people.toLocaleString("en")} people, ` +
      `${truth.duplicates.toLocaleString("en")} typed twice (${((Date.now() - t) / 1000).toFixed(1)} s)`,
  );

  const database = await freshDatabase("orbit_bench_import");
  try {
    // Reference: the same file straight into a bare table with COPY.
    await database.query(
      "CREATE TABLE bench_raw_export (code text, name text, born text, phone text, email text, passport text)",
    );
    t = Date.now();
    const lines = createReadStream(path, { encoding: "utf8" });
    await database.copyCsv(
      "bench_raw_export",
      ["code", "name", "born", "phone", "email", "passport"],
      skipHeader(lines),
      {
        delimiter: ";",
      },
    );
    const copySeconds = (Date.now() - t) / 1000;
    console.log(
      `reference COPY into a bare table: ${copySeconds.toFixed(1)} s (${Math.round(rows / copySeconds)} rows/s)`,
    );

    const ctx = {
      db: database.db,
      database,
      config: loadConfig({}),
      matchers: new MatcherProvider(shippedModels),
    };
    let lastReport = 0;
    const progress = {
      write(chunk: string) {
        if (Date.now() - lastReport > 10_000 || chunk.startsWith("import")) {
          process.stdout.write(chunk);
          lastReport = Date.now();
        }
        return true;
      },
    } as unknown as NodeJS.WritableStream;
    t = Date.now();
    await importFromFile(ctx, {
      file: path,
      source: "dms:BENCH",
      dealership: undefined,
      map: undefined,
      delimiter: ";",
      resume: undefined,
      out: process.stdout,
      err: progress,
    });
    const seconds = (Date.now() - t) / 1000;
    console.log(
      `import: ${seconds.toFixed(1)} s, ${Math.round(rows / seconds)} rows/s; ratio to the bare COPY ${(seconds / copySeconds).toFixed(0)}x`,
    );
    console.log(`truth: ${truth.duplicates.toLocaleString("en")} rows repeat a person typed in another row`);
  } finally {
    await database.close();
  }
}

async function* skipHeader(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of lines) {
    if (first) {
      first = false;
      yield chunk.slice(chunk.indexOf("\n") + 1);
    } else yield chunk;
  }
}
