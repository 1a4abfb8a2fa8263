import { sql } from "drizzle-orm";
import type { Database } from "../../platform/db/database";
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
 * guess (it expects billions of rows): left alone it picks nested loops over them and spends seconds
 * compiling JIT code. Hash joins are right for every size, from a test's hundred cars to a million.
 */
export const FEATURE_QUERY_SETTINGS = { enable_nestloop: "off", jit: "off" };

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
 * Streams the feature rows of one day (with each family's outcome when `families` is given) into
 * `onRow`: COPY out of PostgreSQL, numbers parsed from the bytes.
 */
export async function streamRows(
  database: Database,
  options: FeatureQueryOptions,
  families: readonly Family[],
  onRow: (row: Float64Array) => void,
): Promise<void> {
  const t = sql`${options.day}::date`;
  const query = families.length
    ? sql`SELECT c.*, ${sql.join(
        families.map((f) => labelSql(f, t)),
        sql`, `,
      )} FROM (${featureQuery(options)}) c`
    : featureQuery(options);
  const reader = new NumberCsvReader(ID_COLUMNS + FEATURES.length + families.length, onRow);
  for await (const chunk of database.copyOut(query, FEATURE_QUERY_SETTINGS)) reader.push(chunk);
  reader.end();
}

/** The training rows of several days: each day's sample of clients' cars and what they did next. */
export async function loadSnapshots(
  database: Database,
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
    await streamRows(database, d, families, (row) => builder.add(row, n, d.feedback === true));
  }
  return builder.build();
}
