import { type SQL, sql } from "drizzle-orm";
import { type Database, type Db, execRows } from "../../platform/db/database";
import { NumberCsvReader } from "./csvNumbers";
import { type Family, labelSql } from "./families";
import { FEATURES, type FeatureQueryOptions, featureQuery } from "./features";

/** Rows read from the database: ids, the feature matrix, and a 0/1 outcome per family when asked. */
export interface Rows {
  count: number;
  partyIds: Int32Array;
  vehicleIds: Int32Array;
  dealershipIds: Int32Array;
  /** Row-major, FEATURES.length columns, NaN for missing. */
  x: Float32Array;
  /** The snapshot day of each row (days since 1970-01-01), for the time-based split. */
  days: Int32Array;
  /** 1 for rows of offers Orbit made (feedback), 0 for the monthly snapshots. */
  feedback: Uint8Array;
  labels: Map<string, Uint8Array>;
}

const ID_COLUMNS = 3;

/**
 * The feature query joins a dozen per-car and per-client aggregates whose sizes the planner cannot
 * guess (it expects billions of rows), so it would always compile JIT code for it: 4-5 s of compiling,
 * which pays back only over a large group's million rows of expressions. For every client at once
 * (scoring) hash joins and in-memory hash aggregates are right, where it would pick nested loops and
 * sorts; for a training sample of a few thousand cars its index lookups are right.
 */
export const SCORING_QUERY_SETTINGS = { enable_nestloop: "off", jit: "off", work_mem: "256MB" };
export const SAMPLE_QUERY_SETTINGS = { jit: "off", work_mem: "64MB" };
/** Cars owned from which scoring everyone is worth PostgreSQL's JIT compiling. */
const JIT_FROM_CARS = 300_000;

/** The settings for scoring everyone: SCORING_QUERY_SETTINGS, with JIT for a large group. */
export async function scoringQuerySettings(db: Db): Promise<Record<string, string>> {
  const [size] = await execRows<{ cars: number }>(
    db,
    sql`SELECT reltuples::float8 AS cars FROM pg_class WHERE oid = 'vehicle_ownerships'::regclass`,
  );
  return { ...SCORING_QUERY_SETTINGS, jit: (size?.cars ?? 0) >= JIT_FROM_CARS ? "on" : "off" };
}

class RowsBuilder {
  count = 0;
  private capacity = 1024;
  partyIds = new Int32Array(this.capacity);
  vehicleIds = new Int32Array(this.capacity);
  dealershipIds = new Int32Array(this.capacity);
  days = new Int32Array(this.capacity);
  feedback = new Uint8Array(this.capacity);
  x = new Float32Array(this.capacity * FEATURES.length);
  labels: Uint8Array[];

  constructor(readonly families: readonly string[]) {
    this.labels = families.map(() => new Uint8Array(this.capacity));
  }

  private grow() {
    this.capacity *= 2;
    const more = <T extends Int32Array | Float32Array | Uint8Array>(a: T, width = 1): T => {
      const b = new (a.constructor as new (n: number) => T)(this.capacity * width);
      b.set(a);
      return b;
    };
    this.partyIds = more(this.partyIds);
    this.vehicleIds = more(this.vehicleIds);
    this.dealershipIds = more(this.dealershipIds);
    this.days = more(this.days);
    this.feedback = more(this.feedback);
    this.x = more(this.x, FEATURES.length);
    this.labels = this.labels.map((l) => more(l));
  }

  add(row: Float64Array, day: number, feedback: boolean) {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.partyIds[i] = row[0]!;
    this.vehicleIds[i] = row[1]!;
    this.dealershipIds[i] = !Number.isNaN(row[2]!) ? row[2]! : 0;
    this.days[i] = day;
    this.feedback[i] = feedback ? 1 : 0;
    const nF = FEATURES.length;
    for (let f = 0; f < nF; f++) this.x[i * nF + f] = row[ID_COLUMNS + f]!;
    for (let k = 0; k < this.labels.length; k++) this.labels[k]![i] = row[ID_COLUMNS + nF + k]! > 0 ? 1 : 0;
  }

  build(): Rows {
    const n = this.count;
    return {
      count: n,
      partyIds: this.partyIds.slice(0, n),
      vehicleIds: this.vehicleIds.slice(0, n),
      dealershipIds: this.dealershipIds.slice(0, n),
      days: this.days.slice(0, n),
      feedback: this.feedback.slice(0, n),
      x: this.x.slice(0, n * FEATURES.length),
      labels: new Map(this.families.map((f, k) => [f, this.labels[k]!.slice(0, n)])),
    };
  }
}

export const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/**
 * Reads a query of numbers, a batch of rows at a time. On PostgreSQL: COPY out on a connection of its own, numbers
 * parsed from the bytes (a million rows without a million objects). PGlite has one connection, which
 * the caller's transaction holds, so there the query runs in that transaction (its data sets are small).
 */
export async function* numberRows(
  database: Database,
  db: Db,
  query: SQL,
  columns: number,
  settings: Record<string, string> = SAMPLE_QUERY_SETTINGS,
): AsyncGenerator<Float64Array[]> {
  if (database.kind === "pglite") {
    const rows = (await execRows<Record<string, unknown>>(db, query)).map((r) => {
      const row = new Float64Array(columns);
      let i = 0;
      for (const v of Object.values(r)) row[i++] = v === null || v === undefined ? Number.NaN : Number(v);
      if (i !== columns) throw new Error(`expected ${columns} columns, got ${i}`);
      return row;
    });
    yield rows;
    return;
  }
  let pending: Float64Array[] = [];
  const reader = new NumberCsvReader(columns, (r) => pending.push(Float64Array.from(r)));
  for await (const chunk of database.copyOut(query, settings)) {
    reader.push(chunk);
    if (pending.length) {
      yield pending;
      pending = [];
    }
  }
  reader.end();
  if (pending.length) yield pending;
}

/** The feature rows of one day, with each family's outcome when `families` is given. */
export function rowsQuery(options: FeatureQueryOptions, families: readonly Family[]): SQL {
  const t = sql`${options.day}::date`;
  return families.length
    ? sql`SELECT c.*, ${sql.join(
        families.map((f, k) => sql`${labelSql(f, t)} AS ${sql.identifier(`label_${k}`)}`),
        sql`, `,
      )} FROM (${featureQuery(options)}) c`
    : featureQuery(options);
}

export const rowWidth = (families: number) => ID_COLUMNS + FEATURES.length + families;

/** The training rows of several days: each day's sample of clients' cars and what they did next. */
export async function loadSnapshots(
  database: Database,
  db: Db,
  days: readonly {
    day: string;
    sample?: FeatureQueryOptions["sample"];
    partyIds?: readonly number[];
    feedback?: boolean;
  }[],
  families: readonly Family[],
): Promise<Rows> {
  const builder = new RowsBuilder(families.map((f) => f.code));
  for (const d of days) {
    const n = dayNumber(d.day);
    for await (const batch of numberRows(database, db, rowsQuery(d, families), rowWidth(families.length)))
      for (const row of batch) builder.add(row, n, d.feedback === true);
  }
  return builder.build();
}
