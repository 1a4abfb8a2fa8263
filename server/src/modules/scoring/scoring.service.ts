import { availableParallelism } from "node:os";
import { and, eq, sql } from "drizzle-orm";
import { type Database, type Db, execRows } from "../../platform/db/database";
import { NumberCsvReader } from "./csvNumbers";
import { numberRows, rowWidth, SCORING_QUERY_SETTINGS, scoringQuerySettings } from "./dataset.service";
import { type Family, skipsOpenDeals } from "./families";
import { FEATURES, featureQuery } from "./features";
import { compile, type GbdtModel } from "./gbdt/model";
import { type CarChunk, chooseOffers, chooseOffersCsv, type Scorer } from "./offerChunk";
import { offerFamilies, propensityModels, scoringRuns } from "./schema";
import { type ScoredChunk, ScoringPool } from "./scoringPool";

export const SCORING = {
  /** Rows scored at once: each tree walks a chunk while it is in cache. */
  chunkRows: 16_384,
  /** Chunks scored or waiting at once: bounds the memory while PostgreSQL is ahead of the scoring. */
  chunksInFlight: 4,
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

/** Threads scoring chunks: the cores the machine gives the process, unless ORBIT_SCORING_THREADS says. */
function scoringThreads(): number {
  const setting = Number(process.env.ORBIT_SCORING_THREADS);
  return Number.isInteger(setting) && setting >= 0 ? setting : availableParallelism();
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
  const summary = { runId, cars: 0, clients: 0, offers: 0, families: scorers.map((s) => s.family.code) };
  const finish = () => ({ ...summary, ms: Math.round(performance.now() - started) });
  if (!scorers.length) return finish();
  const features = featureQuery({ day: o.today, storedSegment: true });

  if (database.kind !== "postgres") {
    // PGlite: a small group, scored in this thread and inserted in the caller's transaction.
    const chunks = new ChunkBuilder();
    for await (const batch of numberRows(database, db, features, rowWidth(0), SCORING_QUERY_SETTINGS))
      for (const row of batch) chunks.add(row);
    const chunk = chunks.take();
    const { clients, offers } = chooseOffers(scorers, chunk);
    Object.assign(summary, { cars: chunk.rows, clients, offers: offers.length });
    for (let i = 0; i < offers.length; i += 2000) {
      const batch = offers.slice(i, i + 2000).map((x) => ({
        run_id: runId,
        party_id: x.partyId,
        vehicle_id: x.vehicleId,
        dealership_id: x.dealershipId,
        family: x.family,
        rank: x.rank,
        probability: x.probability,
        value_rub: x.valueRub,
        expected_rub: x.expectedRub,
        model_id: x.modelId,
        reasons: x.reasons,
      }));
      await db.execute(
        sql`INSERT INTO offer_scores SELECT * FROM json_populate_recordset(null::offer_scores, ${JSON.stringify(batch)}::json)`,
      );
    }
    return finish();
  }

  // PostgreSQL: features stream out by COPY; whole clients' cars go to the scoring threads a chunk at
  // a time; the offers stream back in by COPY on a second connection, in the order the chunks were read.
  const threads = scoringThreads();
  const pool = threads > 0 ? new ScoringPool(threads, { runId, scorers }) : null;
  const score = (chunk: CarChunk): Promise<ScoredChunk> => {
    summary.cars += chunk.rows;
    if (pool) return pool.score(chunk);
    return Promise.resolve(chooseOffersCsv(runId, scorers, chunk));
  };
  const inFlight: Promise<ScoredChunk>[] = [];
  const written = (r: ScoredChunk) => {
    summary.clients += r.clients;
    summary.offers += r.offers;
    return r.csv;
  };
  async function* lines(): AsyncGenerator<string> {
    const chunks = new ChunkBuilder();
    // Each row goes from COPY's bytes straight into the chunk's typed arrays: no array per row.
    const reader = new NumberCsvReader(rowWidth(0), (row) => {
      // A chunk ends between two clients, never inside one's cars.
      if (chunks.rows >= SCORING.chunkRows && row[0] !== chunks.lastParty)
        inFlight.push(score(chunks.take()));
      chunks.add(row);
    });
    for await (const bytes of database.copyOut(features, await scoringQuerySettings(db))) {
      reader.push(bytes);
      while (inFlight.length > SCORING.chunksInFlight) yield written(await inFlight.shift()!);
    }
    reader.end();
    if (chunks.rows) inFlight.push(score(chunks.take()));
    while (inFlight.length) yield written(await inFlight.shift()!);
  }
  try {
    await database.copyCsv("offer_scores", SCORE_COLUMNS, lines());
  } finally {
    // A failed COPY leaves chunks in the pool: their results are not waited for.
    for (const p of inFlight) p.catch(() => {});
    await pool?.close();
  }
  return finish();
}

/** Rows of the feature query (party, vehicle, dealership, features) gathered into a chunk of cars. */
class ChunkBuilder {
  rows = 0;
  lastParty = Number.NaN;
  private capacity = SCORING.chunkRows + 64;
  private chunk = this.fresh();

  private fresh(): CarChunk {
    const n = this.capacity;
    return {
      rows: 0,
      x: new Float32Array(n * FEATURES.length),
      party: new Int32Array(n),
      vehicle: new Int32Array(n),
      dealership: new Int32Array(n),
    };
  }

  add(row: Float64Array): void {
    const nF = FEATURES.length;
    if (this.rows === this.capacity) this.grow();
    const c = this.chunk;
    const i = this.rows++;
    c.party[i] = row[0]!;
    c.vehicle[i] = row[1]!;
    c.dealership[i] = Number.isNaN(row[2]!) ? 0 : row[2]!;
    for (let f = 0; f < nF; f++) c.x[i * nF + f] = row[3 + f]!;
    this.lastParty = row[0]!;
  }

  /** Hands the chunk over (its arrays may be moved to another thread) and starts a new one. */
  take(): CarChunk {
    const chunk = { ...this.chunk, rows: this.rows };
    this.capacity = SCORING.chunkRows + 64;
    this.chunk = this.fresh();
    this.rows = 0;
    return chunk;
  }

  // One client with more cars than a chunk holds, or the whole of a small group: the chunk grows.
  private grow(): void {
    this.capacity *= 2;
    const old = this.chunk;
    const next = this.fresh();
    next.x.set(old.x);
    next.party.set(old.party);
    next.vehicle.set(old.vehicle);
    next.dealership.set(old.dealership);
    this.chunk = next;
  }
}
