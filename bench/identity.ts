// npm run bench -- identity [--quick] [--million] [--only <substring>] [--verbose]
//   Public labelled sets (febrl, febrl-dsgen, splink fake_*) and the generated Russian set: unsupervised
//   training, deduplication at the engine's fixed thresholds, quality against the labels, speed.
//   --million adds the 1,000,000-record speed run; --quick keeps the small sets and a 100k speed run.
import { AUTO_MERGE_AT, companySpec, personSpec, REVIEW_AT } from "../server/src/modules/identity/matching";
import { generateRussianCompanies, generateRussianPersons } from "./identity/generated";
import { publicSets } from "./identity/publicSets";
import { fixed, int, seconds, table } from "./identity/report";
import { type LabelledRun, runLabelled } from "./identity/runLabelled";
import { speedRun } from "./identity/speedRun";

export default async function identity(args: string[]): Promise<void> {
  const quick = args.includes("--quick");
  const verbose = args.includes("--verbose");
  const onlyAt = args.indexOf("--only");
  const only = onlyAt >= 0 ? args[onlyAt + 1]?.toLowerCase() : undefined;

  console.log(
    `Identity matching benchmark. Fixed thresholds: auto-merge at P >= ${AUTO_MERGE_AT}, review band ` +
      `${REVIEW_AT} <= P < ${AUTO_MERGE_AT}. Models are trained on each set without its labels.\n`,
  );
  const runs: LabelledRun[] = [];
  for (const set of publicSets()) {
    if (only && !set.name.toLowerCase().includes(only)) continue;
    if ("missing" in set) {
      console.log(`skipped ${set.name}: dataset not found at ${set.missing} (set ORBIT_DATASETS)`);
      continue;
    }
    if (quick && set.records.length > 10_000) continue;
    const run = runLabelled(set);
    runs.push(run);
    if (verbose) printModel(run);
  }

  // The generated Russian set: trained on itself without labels, like the public sets.
  const generatedSize = quick ? 20_000 : 100_000;
  const t0 = performance.now();
  const generated = generateRussianPersons(generatedSize, 1);
  const generatedMs = performance.now() - t0;
  let generatedRun: LabelledRun | undefined;
  if (!only || "generated".includes(only)) {
    generatedRun = runLabelled({
      name: "generated Russian persons",
      records: generated.records,
      entity: generated.entity,
      spec: personSpec,
    });
    runs.push(generatedRun);
    if (verbose) printModel(generatedRun);
    const companies = generateRussianCompanies(quick ? 5_000 : 20_000, 1);
    const companyRun = runLabelled({
      name: "generated Russian companies",
      records: companies.records,
      entity: companies.entity,
      spec: companySpec,
    });
    runs.push(companyRun);
    if (verbose) printModel(companyRun);
  }
  printRuns(runs);
  if (generatedRun) {
    console.log(
      `\ngenerated set: ${int(generated.records.length)} records of ${int(generated.people)} people ` +
        `(${seconds(generatedMs)} to generate); share of records per variation:`,
    );
    console.log(
      [...generated.variations]
        .sort((a, b) => b[1] - a[1])
        .map(([v, n]) => `${v} ${fixed(n / generated.records.length, 3)}`)
        .join(", "),
    );
  }

  if (only && !"speed".includes(only)) return;
  const speedSize = args.includes("--million") ? 1_000_000 : quick ? 50_000 : 200_000;
  const model =
    generatedRun?.params ??
    runLabelled({ name: "model", records: generated.records, entity: generated.entity, spec: personSpec })
      .params;
  console.log(`\nspeed run: generating ${int(speedSize)} person records (not timed) ...`);
  const g0 = performance.now();
  const speedSet = generateRussianPersons(speedSize, 2);
  console.log(`generated in ${seconds(performance.now() - g0)}; deduplicating with the model trained above`);
  const s = speedRun(speedSet, model);
  const phases = Object.entries(s.phasesMs)
    .map(([k, ms]) => `${k} ${seconds(ms)}`)
    .join(", ");
  console.log(
    `speed: ${int(s.records)} records, ${int(s.pairsCompared)} pairs compared, ${int(s.clusters)} clusters, ` +
      `${s.skippedBlocks} blocks skipped; ${seconds(s.totalMs)} (${phases}) = ${int(s.records / (s.totalMs / 1000))} records/s`,
  );
  console.log(
    `speed-run quality: blocking recall ${fixed(s.blockingRecall)}, P ${fixed(s.quality.precision)}, ` +
      `R ${fixed(s.quality.recall)}, F1 ${fixed(s.quality.f1)}`,
  );
}

function printRuns(runs: readonly LabelledRun[]): void {
  if (runs.length === 0) return;
  console.log(
    "compared: candidate pairs scored; block rec: share of true pairs blocking compares; P, R, F1: every pair\n" +
      "inside the auto-merge clusters against the true pairs (what merging does); pair F1: scored pairs with\n" +
      `P >= ${AUTO_MERGE_AT} taken one by one; review F1: pairs with P >= ${REVIEW_AT}; train: unsupervised training;\n` +
      "rec/s: records / deduplication time (preparation, blocking, scoring, clustering; training excluded).\n",
  );
  console.log(
    table(
      [
        "set",
        "records",
        "true pairs",
        "compared",
        "block rec",
        "P",
        "R",
        "F1",
        "pair F1",
        "review F1",
        "train",
        "rec/s",
      ],
      runs.map((r) => [
        r.name,
        int(r.records),
        int(r.truePairs),
        int(r.pairsCompared),
        fixed(r.blockingRecall),
        fixed(r.clusters.precision),
        fixed(r.clusters.recall),
        fixed(r.clusters.f1),
        fixed(r.pairs.f1),
        fixed(r.review.f1),
        seconds(r.trainMs),
        int(r.records / (r.dedupMs / 1000)),
      ]),
    ),
  );
}

function printModel(run: LabelledRun): void {
  const p = run.params;
  console.log(
    `\n== ${run.name}: lambda ${p.lambda.toExponential(3)}, candidate match share ${fixed(p.training.candidateMatchShare)}`,
  );
  for (const s of p.training.sessions) {
    console.log(`  session ${s.rule}: ${int(s.pairs)} pairs, ${s.iterations} it, lambda ${fixed(s.lambda)}`);
  }
  for (const c of p.comparisons) {
    const levels = c.levels.map(
      (l) => `${l.label} m=${l.m.toFixed(3)} u=${l.u.toExponential(1)} w=${Math.log2(l.m / l.u).toFixed(1)}`,
    );
    console.log(`  ${c.name}: ${levels.join(" | ")}`);
  }
}
