// Next best offer on the demo group's history: `npm run bench -- nbo [--as-of 2026-11-26] [--max-rows N]
// [--skip-training] [--small]`.
//
// Runs on a PostgreSQL database the demo generator filled (BENCH_NBO_DATABASE_URL, else orbit_bench_nbo):
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/orbit_bench_nbo npm run demo -- --clients 1000000 --as-of 2026-11-26
// 1. Trains every family's model as the weekly job does: monthly snapshots of years 1-4 learn, the
//    snapshots of year 5 (the last year whose outcomes are known on the as-of day) test. Prints ROC AUC
//    and precision in the top 10% per family, the model's and the contact standards' on the same rows,
//    and the lift. 2. Scores every client as the nightly job does, timed; the reference is the same
//    feature query streamed out alone (COPY to nowhere), so the ratio is what scoring and writing add.
import { sql } from "drizzle-orm";
import {
  numberRows,
  rowWidth,
  SCORING_QUERY_SETTINGS,
  scoringQuerySettings,
} from "../server/src/modules/scoring/dataset.service";
import { FEATURES, featureQuery } from "../server/src/modules/scoring/features";
import { codeModel } from "../server/src/modules/scoring/gbdt/codegen";
import { marginsInto } from "../server/src/modules/scoring/gbdt/model";
import { activeScorers, scoreClients } from "../server/src/modules/scoring/scoring.service";
import { TRAINING, trainPropensityModels } from "../server/src/modules/scoring/training.service";
import { execRows, openDatabase } from "../server/src/platform/db/database";
import { migrate } from "../server/src/platform/db/migrate";
import { databaseUrl, machine } from "./lib/pgDatabase";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const f3 = (v: number | null | undefined) => (v === null || v === undefined ? "  —  " : v.toFixed(3));
const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? "  —  " : `${(v * 100).toFixed(1)}%`;

interface EvalJson {
  rows: number;
  positives: number;
  auc: number | null;
  top10: { precision: number | null; capture: number | null };
}

export default async function nboBench(args: string[]): Promise<void> {
  const asOf = arg("--as-of") ?? "2026-11-26";
  const url = process.env.BENCH_NBO_DATABASE_URL ?? databaseUrl("orbit_bench_nbo");
  const database = await openDatabase({ kind: "postgres", url, poolSize: 4 });
  await migrate(database);
  const [size] = await database.query<{ clients: number; cars: number }>(
    `SELECT (SELECT count(*)::int FROM parties WHERE status = 'active') AS clients,
            (SELECT count(*)::int FROM vehicle_ownerships WHERE valid_to IS NULL) AS cars`,
  );
  console.log(
    `next-best-offer benchmark on ${url.replace(/\/\/[^@]*@/, "//")}: ${size?.clients.toLocaleString("en")} clients, ${size?.cars.toLocaleString("en")} cars owned, as of ${asOf}`,
  );
  console.log(
    `machine: ${await machine()}; load average ${(await import("node:os"))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  if ((size?.clients ?? 0) < 900_000 && !args.includes("--small")) {
    console.log(
      "This benchmark wants a million clients. Generate them first:\n" +
        "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/orbit_bench_nbo npm run demo -- --clients 1000000 --as-of 2026-11-26\n" +
        "or pass --small to run on what is there.",
    );
    await database.close();
    return;
  }

  if (!args.includes("--skip-training")) {
    const maxRows = Number(arg("--max-rows") ?? TRAINING.maxRows);
    const started = performance.now();
    const results = await database.db.transaction((tx) =>
      trainPropensityModels(database, tx, {
        today: asOf,
        maxRows,
        onProgress: (message, data) =>
          console.log(
            `  ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s  ${message} ${JSON.stringify(data ?? {})}`,
          ),
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const versions = await execRows<{
      id: number;
      evaluation: { model: EvalJson; rules: EvalJson } | null;
      holdout_from: string;
      holdout_to: string;
      train_from: string | null;
      train_to: string | null;
    }>(
      database.db,
      sql`SELECT id, evaluation, holdout_from::text, holdout_to::text, train_from::text, train_to::text FROM propensity_models
           WHERE id = ANY(${sql.param(results.map((r) => r.modelId))}::int[])`,
    );
    const first = versions[0];
    console.log(
      `\ntrained in ${seconds.toFixed(0)} s on snapshots ${first?.train_from} … ${first?.train_to} (years 1-4), tested on ${first?.holdout_from} … ${first?.holdout_to} (year 5)`,
    );
    console.log(
      "family              status    train rows  pos    test rows   pos   AUC model  AUC rules  lift   prec@10% model  rules    lift   found in top 10%",
    );
    for (const r of results) {
      const e = versions.find((v) => v.id === r.modelId)?.evaluation;
      const m = e?.model;
      const rl = e?.rules;
      const aucLift = m?.auc && rl?.auc ? (m.auc / rl.auc).toFixed(2) : "—";
      const pLift =
        m?.top10.precision && rl?.top10.precision ? (m.top10.precision / rl.top10.precision).toFixed(1) : "—";
      console.log(
        `${r.family.padEnd(19)} ${(r.status === "active" ? "model" : (r.fallbackReason ?? "rules")).padEnd(9).slice(0, 9)} ${String(r.trainingRows).padStart(10)} ${String(r.positives).padStart(6)} ${String(m?.rows ?? "—").padStart(10)} ${String(m?.positives ?? "—").padStart(6)}   ${f3(m?.auc)}      ${f3(rl?.auc)}   ${aucLift.padStart(5)}   ${pct(m?.top10.precision).padStart(8)}     ${pct(rl?.top10.precision).padStart(6)}  ${pLift.padStart(5)}   ${pct(m?.top10.capture).padStart(8)}`,
      );
    }
  }

  await treesWalkedOrCompiled(database, asOf);

  // Reference: the same feature rows streamed out of PostgreSQL and dropped.
  let bytes = 0;
  let started = performance.now();
  for await (const chunk of database.copyOut(
    featureQuery({ day: asOf, storedSegment: true }),
    await scoringQuerySettings(database.db),
  ))
    bytes += chunk.length;
  const referenceS = (performance.now() - started) / 1000;
  started = performance.now();
  const cpuBefore = process.cpuUsage();
  const summary = await database.db.transaction((tx) => scoreClients(database, tx, { today: asOf }));
  const scoringS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    `\nscoring: ${summary.clients.toLocaleString("en")} clients (${summary.cars.toLocaleString("en")} cars) × ${summary.families.length} models, ${summary.offers.toLocaleString("en")} offers written, in ${scoringS.toFixed(1)} s (${Math.round(summary.clients / scoringS).toLocaleString("en")} clients/s; target: 1,000,000 in under 60 s)`,
  );
  console.log(
    `CPU time of Orbit's process during scoring (every thread): ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
  );
  console.log(
    `reference: the feature query alone streamed out by COPY (${(bytes / 2 ** 20).toFixed(0)} MB) ${referenceS.toFixed(1)} s; ratio ${(scoringS / referenceS).toFixed(2)}`,
  );
  await database.close();
}

/**
 * The live models on a sample of every tenth client's cars, in this thread: margins by walking the
 * node arrays, then by the trees compiled to code (what the nightly run uses).
 */
async function treesWalkedOrCompiled(database: Awaited<ReturnType<typeof openDatabase>>, asOf: string) {
  const scorers = await activeScorers(database.db);
  if (!scorers.length) return;
  const nF = FEATURES.length;
  const rows: Float64Array[] = [];
  for await (const batch of numberRows(
    database,
    database.db,
    featureQuery({ day: asOf, storedSegment: true, sample: { salt: 1, every: 10 } }),
    rowWidth(0),
    SCORING_QUERY_SETTINGS,
  ))
    for (const row of batch) rows.push(row);
  const x = new Float32Array(rows.length * nF);
  rows.forEach((row, i) => {
    for (let f = 0; f < nF; f++) x[i * nF + f] = row[3 + f]!;
  });
  const trees = scorers.reduce((n, s) => n + s.compiled.roots.length, 0);
  const time = (run: () => void) => {
    run(); // the first pass warms V8 up
    const started = performance.now();
    run();
    return performance.now() - started;
  };
  const out = new Float64Array(rows.length);
  const margins = (walk: boolean) => () => {
    for (const s of scorers) {
      if (walk) marginsInto(s.compiled, x, rows.length, nF, out);
      else codeModel(s.compiled).margins(x, rows.length, nF, out);
    }
  };
  const walked = time(margins(true));
  const compiled = time(margins(false));
  const perCar = (ms: number) => `${((ms * 1000) / rows.length).toFixed(2)} µs`;
  console.log(
    `\ntrees on ${rows.length.toLocaleString("en")} cars (every 10th client), one thread, ${scorers.length} models, ${trees} trees:` +
      `\n  margins walked through the node arrays ${perCar(walked)} a car, compiled to code ${perCar(compiled)}; ratio ${(walked / compiled).toFixed(2)}`,
  );
}
