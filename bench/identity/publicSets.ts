// The public benchmark sets with their ground truth (see <datasets>/identity/README.md).
import type { MatchRecord, ModelSpec } from "../../server/src/modules/identity/matching";
import { readCsv } from "./csv";
import { identityFile } from "./datasets";
import { febrlDsgenSpec, febrlSpec, splinkFakeSpec, withoutField } from "./publicSpecs";

export interface LabelledSet {
  readonly name: string;
  readonly records: MatchRecord[];
  /** True entity of each record. */
  readonly entity: string[];
  readonly spec: ModelSpec;
}

export type Loaded = LabelledSet | { readonly name: string; readonly missing: string };

function load(
  name: string,
  file: string,
  spec: ModelSpec,
  entityOf: (row: Record<string, string>) => string,
  idColumn: string,
): Loaded {
  const found = identityFile(file);
  if ("missing" in found) return { name, missing: found.missing };
  const rows = readCsv(found.path);
  return {
    name,
    spec,
    entity: rows.map(entityOf),
    // The id and truth columns never reach the model.
    records: rows.map((row) => {
      const { [idColumn]: _id, cluster: _c, group: _g, ...fields } = row;
      return fields;
    }),
  };
}

// rec-N-org / rec-N-dup-k: same N, same person.
const febrlEntity = (row: Record<string, string>) =>
  /^rec-(\d+)-/.exec(row.rec_id ?? "")?.[1] ?? row.rec_id ?? "";
// dsgen: rec_id without its last digit.
const dsgenEntity = (row: Record<string, string>) => (row.rec_id ?? "").slice(0, -1);

export function publicSets(): Loaded[] {
  const febrl3 = load("febrl dataset3", "febrl/dataset3.csv", febrlSpec, febrlEntity, "rec_id");
  return [
    load("febrl dataset1", "febrl/dataset1.csv", febrlSpec, febrlEntity, "rec_id"),
    load("febrl dataset2", "febrl/dataset2.csv", febrlSpec, febrlEntity, "rec_id"),
    febrl3,
    "missing" in febrl3
      ? { name: "febrl dataset3 without soc_sec_id", missing: febrl3.missing }
      : {
          name: "febrl dataset3 without soc_sec_id",
          spec: withoutField(febrlSpec, "soc_sec_id"),
          entity: febrl3.entity,
          records: febrl3.records.map(({ soc_sec_id: _s, ...rest }) => rest),
        },
    load(
      "febrl-dsgen A_10000",
      "febrl-dsgen/dedup/dataset_A_10000.csv",
      febrlDsgenSpec,
      dsgenEntity,
      "rec_id",
    ),
    load(
      "febrl-dsgen C_10000",
      "febrl-dsgen/dedup/dataset_C_10000.csv",
      febrlDsgenSpec,
      dsgenEntity,
      "rec_id",
    ),
    load("splink fake_1000", "splink/fake_1000.csv", splinkFakeSpec, (r) => r.cluster ?? "", "unique_id"),
    load("splink fake_20000", "splink/fake_20000.csv", splinkFakeSpec, (r) => r.group ?? "", "unique_id"),
  ];
}
