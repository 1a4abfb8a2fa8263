import { and, eq, sql } from "drizzle-orm";
import { type Database, type Db, execRows } from "../../platform/db/database";
import { numberRows, rowWidth, SCORING_QUERY_SETTINGS } from "./dataset.service";
import { type Family, offerValue, skipsOpenDeals } from "./families";
import { FEATURES, featureQuery } from "./features";
import {
  type CompiledModel,
  compile,
  contributions,
  type GbdtModel,
  marginsInto,
  sigmoid,
} from "./gbdt/model";
import { topReasons } from "./reasons";
import { offerFamilies, propensityModels, scoringRuns } from "./schema";

export const SCORING = {
  /** Offers kept per client: the card shows them, the scenario calls about the best. */
  maxOffers: 3,
  /** Below this an offer is not worth an employee's attention. */
  minProbability: 0.02,
  /** Rows scored at once: each tree walks a chunk while it is in cache. */
  chunkRows: 16_384,
} as const;

const SCORE_COLUMNS = [
  "run_id",
  "party_id",
  "vehicle_id",
  "dealership_id",
  "family",
  "rank",
  "probability",
  "value_rub",
  "expected_rub",
  "model_id",
  "reasons",
] as const;

interface Scorer {
  family: Family;
  skipsOpenDeals: boolean;
  modelId: number;
  compiled: CompiledModel;
}

export interface ScoringSummary {
  runId: number;
  cars: number;
  clients: number;
  offers: number;
  families: string[];
  ms: number;
}

/** The active model of every active family, ready to score. */
export async function activeScorers(db: Db): Promise<Scorer[]> {
  const rows = await db
    .select({ model: propensityModels, family: offerFamilies })
    .from(propensityModels)
    .innerJoin(offerFamilies, eq(offerFamilies.code, propensityModels.family))
    .where(and(eq(propensityModels.status, "active"), eq(offerFamilies.active, true)));
  return rows
    .filter((r) => r.model.model)
    .map((r) => ({
      family: r.family as unknown as Family,
      skipsOpenDeals: skipsOpenDeals(r.family as unknown as Family),
      modelId: r.model.id,
      compiled: compile(r.model.model as GbdtModel),
    }));
}

const csvJson = (v: unknown) => `"${JSON.stringify(v).replace(/"/g, '""')}"`;

/** Scores and publishes in one go (the job splits the two; see prepareScores). */
export async function scoreClients(
  database: Database,
  db: Db,
  o: { today: string },
): Promise<ScoringSummary> {
  return publishScores(db, await prepareScores(database, db, o));
}

/**
 * Makes the run visible and replaces the previous one: readers take the latest finished run, and the
 * previous runs' offers (and any a failed attempt left) go.
 */
export async function publishScores(db: Db, run: ScoringSummary): Promise<ScoringSummary> {
  await db
    .update(scoringRuns)
    .set({ finishedAt: new Date(), cars: run.cars, offers: run.offers, ms: run.ms })
    .where(eq(scoringRuns.id, run.runId));
  await execRows(db, sql`DELETE FROM offer_scores WHERE run_id <> ${run.runId}`);
  return run;
}

/**
 * Scores every client's cars with every family's active model and keeps each client's best offers,
 * ranked by expected value (probability × value), with the top reasons of each, under a new run that
 * nobody reads until it is published. Features stream out of PostgreSQL by COPY, are scored a chunk at
 * a time, and the offers stream back in by COPY on a second connection while the next chunk is read
 * (on PGlite: read and inserted in batches through `db`).
 */
export async function prepareScores(
  database: Database,
  db: Db,
  o: { today: string },
): Promise<ScoringSummary> {
  const started = performance.now();
  const scorers = await activeScorers(db);
  const [run] = await db.insert(scoringRuns).values({ scoredOn: o.today }).returning();
  const runId = run!.id;
  const nF = FEATURES.length;
  const premiumAt = FEATURES.indexOf("premium_rub");
  const openDealsAt = FEATURES.indexOf("open_deals");
  const chunkRows = SCORING.chunkRows;
  let x = new Float32Array(chunkRows * nF);
  let party = new Int32Array(chunkRows);
  let vehicle = new Int32Array(chunkRows);
  let dealership = new Int32Array(chunkRows);
  let n = 0;
  let cars = 0;
  let clients = 0;
  let offers = 0;
  // CSV lines for COPY on PostgreSQL; rows for an INSERT in the caller's transaction on PGlite.
  const pending: string[] = [];
  const pendingRows: unknown[] = [];
  const asCsv = database.kind === "postgres";
  const margins = scorers.map(() => new Float64Array(chunkRows));

  const flush = () => {
    for (let k = 0; k < scorers.length; k++) {
      margins[k]!.fill(0, 0, n);
      marginsInto(scorers[k]!.compiled, x, n, nF, margins[k]!);
    }
    const candidates: { k: number; row: number; p: number; value: number; ev: number }[] = [];
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && party[end] === party[start]) end++;
      clients++;
      candidates.length = 0;
      for (let k = 0; k < scorers.length; k++) {
        const s = scorers[k]!;
        // A client-level offer (the next car, a credit) is made once, about the car it is likeliest for.
        let best = -1;
        for (let r = start; r < end; r++) {
          const p = sigmoid(margins[k]![r]!);
          if (p < SCORING.minProbability || (s.skipsOpenDeals && x[r * nF + openDealsAt]! > 0)) continue;
          const value = offerValue(s.family, x[r * nF + premiumAt]!);
          const c = { k, row: r, p, value, ev: p * value };
          if (s.family.target.match === "vehicle") candidates.push(c);
          else if (best < 0 || c.ev > candidates[best]!.ev) {
            if (best < 0) {
              best = candidates.length;
              candidates.push(c);
            } else candidates[best] = c;
          }
        }
      }
      candidates.sort((a, b) => b.ev - a.ev);
      const kept = Math.min(SCORING.maxOffers, candidates.length);
      for (let i = 0; i < kept; i++) {
        const c = candidates[i]!;
        const s = scorers[c.k]!;
        const row = x.subarray(c.row * nF, (c.row + 1) * nF);
        const reasons = topReasons(FEATURES, contributions(s.compiled, row), row);
        if (asCsv)
          pending.push(
            `${runId},${party[c.row]},${vehicle[c.row]},${dealership[c.row] || ""},${s.family.code},${i + 1},${c.p.toFixed(5)},${Math.round(c.value)},${Math.round(c.ev)},${s.modelId},${csvJson(reasons)}\n`,
          );
        else
          pendingRows.push({
            run_id: runId,
            party_id: party[c.row],
            vehicle_id: vehicle[c.row],
            dealership_id: dealership[c.row] || null,
            family: s.family.code,
            rank: i + 1,
            probability: Number(c.p.toFixed(5)),
            value_rub: Math.round(c.value),
            expected_rub: Math.round(c.ev),
            model_id: s.modelId,
            reasons,
          });
        offers++;
      }
      start = end;
    }
    n = 0;
  };

  const onRow = (row: Float64Array) => {
    if (n >= chunkRows && row[0] !== party[n - 1]) flush();
    if (n === x.length / nF) {
      // One client with more cars than a chunk holds: the chunk grows for it.
      const grow = <T extends Int32Array | Float32Array>(a: T): T => {
        const b = new (a.constructor as new (len: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      x = grow(x);
      party = grow(party);
      vehicle = grow(vehicle);
      dealership = grow(dealership);
      for (let k = 0; k < margins.length; k++) margins[k] = new Float64Array(party.length);
    }
    party[n] = row[0]!;
    vehicle[n] = row[1]!;
    dealership[n] = !Number.isNaN(row[2]!) ? row[2]! : 0;
    for (let f = 0; f < nF; f++) x[n * nF + f] = row[3 + f]!;
    n++;
    cars++;
  };

  const rows = () =>
    numberRows(
      database,
      db,
      featureQuery({ day: o.today, storedSegment: true }),
      rowWidth(0),
      SCORING_QUERY_SETTINGS,
    );
  async function* lines(): AsyncGenerator<string> {
    for await (const batch of rows()) {
      for (const row of batch) onRow(row);
      if (pending.length) yield pending.splice(0).join("");
    }
    if (n) flush();
    if (pending.length) yield pending.splice(0).join("");
  }
  if (scorers.length && asCsv) await database.copyCsv("offer_scores", SCORE_COLUMNS, lines());
  else if (scorers.length) {
    const insert = async () => {
      const batch = pendingRows.splice(0);
      if (batch.length)
        await db.execute(
          sql`INSERT INTO offer_scores SELECT * FROM json_populate_recordset(null::offer_scores, ${JSON.stringify(batch)}::json)`,
        );
    };
    for await (const batch of rows()) {
      for (const row of batch) {
        onRow(row);
        if (pendingRows.length >= 2000) await insert();
      }
    }
    if (n) flush();
    await insert();
  }

  const ms = Math.round(performance.now() - started);
  return { runId, cars, clients, offers, families: scorers.map((s) => s.family.code), ms };
}
